package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.infrastructure.web.ErrorCode;

/** The problems of processor operations. */
public enum ProcessorErrorCode implements ErrorCode {

	/** No node runs, nor has a token for, a processor of that name. */
	UNKNOWN_PROCESSOR(404, "Unknown processor"),

	/**
	 * The target is missing or unknown, or its position or instant is missing, malformed
	 * or outside the log.
	 */
	INVALID_RESET_TARGET(400, "Invalid reset target"),

	/**
	 * The processor sends to the outside world (webhooks): a reset sends again, so the
	 * request must say {@code "redeliver": true}.
	 */
	REDELIVERY_NOT_CONFIRMED(409, "Redelivery not confirmed");

	private final int status;

	private final String title;

	ProcessorErrorCode(int status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public String title() {
		return title;
	}

	@Override
	public int status() {
		return status;
	}

}
