package dev.eventplatform.infrastructure.eventlog;

import dev.eventplatform.events.EventEnvelope;
import java.util.List;

/**
 * Events in position order, none past the committed horizon.
 *
 * @param events the events, each with its position
 * @param next where the following read starts: the last event's position when more are
 * waiting, otherwise the horizon, since nothing up to it is left to match
 * @param hasMore whether more matching events were already committed when this page was
 * read
 */
public record EventLogPage(List<LoggedEvent> events, long next, boolean hasMore) {

	/**
	 * @param position the event's global index, a plain number that orders the log
	 * @param envelope the event as published
	 * @param principal the name of the API key whose command caused the event, or
	 * {@code null}
	 */
	public record LoggedEvent(long position, EventEnvelope envelope, String principal) {
	}

}
