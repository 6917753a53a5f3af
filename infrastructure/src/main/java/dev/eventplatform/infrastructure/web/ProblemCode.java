package dev.eventplatform.infrastructure.web;

/**
 * An {@link ErrorCode} as plain data, for {@code CommandExecutionException}'s details: it
 * is serialized when the command bus is distributed, and the caller renders it without
 * knowing the enum that raised it.
 */
public record ProblemCode(String code, String title, int status) implements ErrorCode {

	public static ProblemCode of(ErrorCode code) {
		return new ProblemCode(code.code(), code.title(), code.status());
	}

	@Override
	public String name() {
		return code;
	}

}
