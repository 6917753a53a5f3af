package dev.eventplatform.query.audit;

import dev.eventplatform.events.EventEnvelope;
import java.util.List;

/**
 * One page of the audit log in global order.
 *
 * @param events published envelopes
 * @param next cursor for the following page; also where to poll from for newer events
 * @param hasMore whether more matching events were already committed when this page was read
 */
public record AuditPage(List<EventEnvelope> events, String next, boolean hasMore) {
}
