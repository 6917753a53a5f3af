package dev.eventplatform.infrastructure.eventlog;

import java.time.Instant;
import java.util.Set;

/**
 * Which events to read; {@code null} filters mean "any".
 *
 * @param after only events after this position (0: from the start)
 * @param subject only this aggregate's events
 * @param payloadTypes only events stored as one of these payload classes (empty: any)
 * @param from only events at or after this instant
 * @param to only events before this instant
 * @param limit most events to return, at least 1
 */
public record EventLogQuery(long after, String subject, Set<String> payloadTypes, Instant from, Instant to, int limit) {

	public EventLogQuery {
		if (after < 0 || limit < 1) {
			throw new IllegalArgumentException("after must be 0 or more and limit 1 or more");
		}
		payloadTypes = payloadTypes == null ? Set.of() : Set.copyOf(payloadTypes);
	}

}
