package dev.eventplatform.command.order.web;

/** A request header that makes the command ambiguous; the request is rejected with 400. */
class InvalidCommandHeaderException extends RuntimeException {

	private final String code;

	InvalidCommandHeaderException(String code, String message) {
		super(message);
		this.code = code;
	}

	String code() {
		return code;
	}

}
