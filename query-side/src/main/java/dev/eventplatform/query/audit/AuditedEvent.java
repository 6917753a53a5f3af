package dev.eventplatform.query.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.eventplatform.events.EventEnvelope;
import dev.eventplatform.infrastructure.eventlog.EventLogPage.LoggedEvent;

/**
 * An event as auditors see it: the published envelope, plus who caused it and where it
 * stands in the log, which subscribers of webhooks and the stream are not shown.
 *
 * @param event the envelope, its members inlined
 * @param position the event's position in the log (its global index)
 * @param principal the name of the API key whose command caused it, or {@code null}
 */
public record AuditedEvent(@JsonUnwrapped EventEnvelope event, long position, String principal) {

	static AuditedEvent of(LoggedEvent logged) {
		return new AuditedEvent(logged.envelope(), logged.position(), logged.principal());
	}

}
