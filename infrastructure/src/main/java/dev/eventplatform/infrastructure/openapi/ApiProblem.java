package dev.eventplatform.infrastructure.openapi;

import org.springframework.http.HttpStatus;

/**
 * The problem codes an operation's description can list, each with its status and when it
 * is answered. docs/api/errors.md is the full table, and ApiProblemTest checks that each
 * code stands there with this status. A code answered with two statuses has a constant
 * per status.
 */
public enum ApiProblem {

	REQUEST_REJECTED(HttpStatus.BAD_REQUEST,
			"the security firewall refused the request: a header value with control "
					+ "characters, or a path with `;`, `//` or an encoded `/`, `.` or `%`"),
	DUPLICATE_HEADER(HttpStatus.BAD_REQUEST, "two `Authorization` header lines, or two `Idempotency-Key` values"),
	VALIDATION_FAILED(HttpStatus.BAD_REQUEST,
			"a body field or a query parameter breaks its rule; `errors` lists each one"),
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST,
			"the body is not valid JSON, names a member twice or has a value of the "
					+ "wrong type, or a parameter has the wrong type; `field` names the body field when there is one"),
	INVALID_IF_MATCH(HttpStatus.BAD_REQUEST, "`If-Match` is not exactly one strong version such as `\"3\"`, or `*`"),
	INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, "`Idempotency-Key` is empty, longer than 255 or not visible ASCII"),
	INVALID_PARAMETER(HttpStatus.BAD_REQUEST,
			"`status` names no known status, or `from`/`to` is outside the years 0000 to 9999"),
	INVALID_EVENT_ID(HttpStatus.BAD_REQUEST, "`Last-Event-ID` or `after` is not a position this stream sent"),
	TOO_MANY_STREAMS(HttpStatus.TOO_MANY_REQUESTS, "the node or this key already has the most open streams"),
	INVALID_CURSOR(HttpStatus.BAD_REQUEST, "`after` is not a `next` value of this API"),
	UNKNOWN_EVENT_TYPE_FILTER("UNKNOWN_EVENT_TYPE", HttpStatus.BAD_REQUEST,
			"`type` names a type that is not in the catalogue"),
	INVALID_WEBHOOK_URL(HttpStatus.BAD_REQUEST,
			"the webhook URL is not an absolute http(s) URL with a host, has credentials or a fragment, or its host "
					+ "does not resolve"),
	FORBIDDEN_WEBHOOK_TARGET(HttpStatus.BAD_REQUEST,
			"the webhook URL's host is or resolves to a loopback, private, link-local, multicast or unspecified "
					+ "address"),
	UNSUPPORTED_EVENT_VERSION(HttpStatus.BAD_REQUEST, "`version` is not the current version of every type named"),
	INVALID_RESET_TARGET(HttpStatus.BAD_REQUEST,
			"the reset's `target` is missing or unknown, or its `position` or `instant` is missing, malformed, "
					+ "beyond the head or in the future"),
	REPLAY_TOO_LARGE(HttpStatus.BAD_REQUEST, "the time range holds more than 10,000 matching events"),
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "no `Authorization: Bearer` header, or an unknown key"),
	FORBIDDEN(HttpStatus.FORBIDDEN, "the key is valid but has none of the roles this operation needs"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "nothing exists with this id"),
	UNKNOWN_PROCESSOR(HttpStatus.NOT_FOUND, "no node runs, nor has a token for, a processor of this name"),
	UNKNOWN_EVENT_TYPE(HttpStatus.NOT_FOUND, "the catalogue has no such type or version"),
	PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED,
			"`If-Match` names a version the order is not at, checked before its rules; any `If-Match` on a create"),
	VERSION_CONFLICT(HttpStatus.CONFLICT, "without `If-Match`, another command changed the order at the same moment"),
	SUBSCRIPTION_DELETED(HttpStatus.CONFLICT, "the subscription was deleted while the request ran"),
	REDELIVERY_NOT_CONFIRMED(HttpStatus.CONFLICT,
			"a reset of a processor that sends webhooks would send again; the request must say `\"redeliver\": true`"),
	NOT_A_DEAD_LETTER(HttpStatus.CONFLICT, "the delivery is not dead-lettered, so there is nothing to retry"),
	ORDER_ALREADY_PAID(HttpStatus.CONFLICT, "the order is no longer `CREATED`"),
	ORDER_NOT_PAID(HttpStatus.CONFLICT, "the order is not paid"),
	ORDER_ALREADY_SHIPPED(HttpStatus.CONFLICT, "the order is shipped"),
	ORDER_NOT_SHIPPED(HttpStatus.CONFLICT, "the order is not shipped"),
	ORDER_CLOSED(HttpStatus.CONFLICT, "the order is delivered or cancelled"),
	CONTENT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "the body exceeds 64 KB"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a body that is not `application/json`"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT,
			"this caller used the `Idempotency-Key` for a different request"),
	PAYMENT_AMOUNT_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "the amount is not exactly the order total"),
	PAYMENT_CURRENCY_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "the currency is not the order's"),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR,
			"anything unexpected; nothing was changed unless the response said so"),
	STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
			"the database cannot be reached; nothing was changed; retry after `Retry-After` seconds"),
	COMMAND_TIMEOUT(HttpStatus.SERVICE_UNAVAILABLE,
			"the command's outcome did not arrive in time; retry with the same `Idempotency-Key`");

	private final String code;

	private final HttpStatus status;

	private final String when;

	ApiProblem(HttpStatus status, String when) {
		this(null, status, when);
	}

	ApiProblem(String code, HttpStatus status, String when) {
		this.code = code;
		this.status = status;
		this.when = when;
	}

	public String code() {
		return code == null ? name() : code;
	}

	public HttpStatus status() {
		return status;
	}

	public String when() {
		return when;
	}

}
