package dev.eventplatform.infrastructure.web;

/**
 * The character rules of request bodies, for {@code @Pattern}. They are anchored and
 * avoid Java-only classes, so that the OpenAPI description (ECMA-262 regular expressions,
 * unanchored) states the same rule.
 */
public final class TextPatterns {

	/** Identifiers: no control characters (PostgreSQL text cannot even store NUL). */
	public static final String PRINTABLE = "^[^\\x00-\\x1F\\x7F]*$";

	public static final String PRINTABLE_MESSAGE = "must not contain control characters";

	/** Free text: line breaks and tabs are fine, other control characters are not. */
	public static final String TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

	public static final String TEXT_MESSAGE = "must not contain control characters other than tabs and line breaks";

	private TextPatterns() {
	}

}
