package dev.eventplatform.infrastructure.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Builds RFC 9457 problem bodies with a stable, machine-readable {@code code} extension.
 */
public final class Problems {

	public static final String TYPE_PREFIX = "urn:problem-type:eventplatform:";

	private Problems() {
	}

	public static ProblemDetail of(ErrorCode code, String detail) {
		return of(HttpStatusCode.valueOf(code.status()), code.code(), code.title(), detail);
	}

	/** A problem to throw from a controller; the framework renders it as problem+json. */
	public static ErrorResponseException exception(ErrorCode code, String detail) {
		return new ErrorResponseException(HttpStatusCode.valueOf(code.status()), of(code, detail), null);
	}

	/**
	 * For framework errors that have no {@link ErrorCode}: the code is named after their
	 * status.
	 */
	static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

}
