package dev.eventplatform.infrastructure.web;

/**
 * The codes every side shares: authentication, request syntax, conventions, store
 * outcomes.
 */
public enum PlatformErrorCode implements ErrorCode {

	MALFORMED_REQUEST(400, "Malformed request"), VALIDATION_FAILED(400, "Validation failed"),
	DUPLICATE_HEADER(400, "Duplicate header"), REQUEST_REJECTED(400, "Request rejected"),
	INVALID_IF_MATCH(400, "Invalid request header"), INVALID_IDEMPOTENCY_KEY(400, "Invalid request header"),
	INVALID_PARAMETER(400, "Invalid parameter"), INVALID_CURSOR(400, "Invalid cursor"),
	UNKNOWN_EVENT_TYPE(400, "Unknown event type"), INVALID_EVENT_ID(400, "Invalid event id"),
	/** A version that is not the current one of every type asked for. */
	UNSUPPORTED_EVENT_VERSION(400, "Unsupported event version"), UNAUTHENTICATED(401, "Authentication required"),
	FORBIDDEN(403, "Forbidden"), NOT_FOUND(404, "Not found"),
	/**
	 * The catalogue has no such type or version: the same code as in a filter, answered
	 * 404.
	 */
	NO_SUCH_SCHEMA(404, "Not found") {
		@Override
		public String code() {
			return UNKNOWN_EVENT_TYPE.code();
		}
	},
	VERSION_CONFLICT(409, "Version conflict"), PRECONDITION_FAILED(412, "Precondition failed"),
	ALREADY_EXISTS(409, "Resource already exists"), IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
	TOO_MANY_STREAMS(429, "Too many streams"), INTERNAL_ERROR(500, "Internal error"),
	STORE_UNAVAILABLE(503, "Event store unavailable"), COMMAND_TIMEOUT(503, "Command timed out");

	private final int status;

	private final String title;

	PlatformErrorCode(int status, String title) {
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
