package dev.eventplatform.infrastructure.web;

/**
 * A problem's stable, machine-readable code with its title and HTTP status. Each feature
 * has an enum of its own ({@link PlatformErrorCode}, the order rules), so no code is a
 * string literal.
 */
public interface ErrorCode {

	/** The enum constant's name; {@link #code()} unless a constant says otherwise. */
	String name();

	/** What clients branch on: the {@code code} member of the problem. */
	default String code() {
		return name();
	}

	/** A short, human summary of the code. */
	String title();

	/** The HTTP status it is answered with. */
	int status();

}
