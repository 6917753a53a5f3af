package dev.eventplatform.command;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * A command's {@code If-Match}, checked first in the aggregate's handler: RFC 9110
 * evaluates preconditions before the request's own rules, so a client that asked "only at
 * version 0" learns that its precondition failed, not which rule the newer state breaks.
 * (Axon on its own defers an older expected version to commit time, after the handler
 * ran, and lets a newer one pass.)
 */
public final class ExpectedVersion {

	private ExpectedVersion() {
	}

	/**
	 * @param expected the version the caller read, or {@code null} for any version
	 */
	public static void require(Long expected) {
		var current = AggregateLifecycle.getVersion();
		if (expected != null && !expected.equals(current)) {
			throw new CodedException(PlatformErrorCode.PRECONDITION_FAILED, "If-Match names version " + expected
					+ ", the resource is at version " + current + ": read it again and decide.");
		}
	}

}
