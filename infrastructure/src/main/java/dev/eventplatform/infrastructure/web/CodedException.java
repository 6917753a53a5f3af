package dev.eventplatform.infrastructure.web;

/**
 * An expected failure that names its {@link ErrorCode}; rendered as that problem, with
 * the message as its detail. A command handler's one crosses a distributed command bus in
 * {@code CommandExecutionException}'s details ({@code ErrorCodeInterceptor}).
 */
public class CodedException extends RuntimeException {

	private final transient ErrorCode code;

	public CodedException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}

}
