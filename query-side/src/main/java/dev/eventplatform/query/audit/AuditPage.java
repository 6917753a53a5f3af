package dev.eventplatform.query.audit;

import java.util.List;

/**
 * One page of the audit log in global order.
 *
 * @param events the events, with who caused them
 * @param next cursor for the following page; also where to poll from for newer events
 * @param hasMore whether more matching events were already committed when this page was
 * read
 */
public record AuditPage(List<AuditedEvent> events, String next, boolean hasMore) {
}
