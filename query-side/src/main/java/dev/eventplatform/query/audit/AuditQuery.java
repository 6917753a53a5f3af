package dev.eventplatform.query.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of one audit page; {@code null} means "any".
 *
 * @param after return events after this cursor
 * @param subject only this resource's events
 * @param payloadTypes only events stored as one of these payload classes (empty: any)
 * @param from only events at or after this instant
 * @param to only events before this instant
 * @param limit most events to return
 */
public record AuditQuery(AuditCursor after, String subject, Set<String> payloadTypes, Instant from, Instant to,
		int limit) {
}
