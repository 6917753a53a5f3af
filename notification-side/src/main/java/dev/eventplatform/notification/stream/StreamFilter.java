package dev.eventplatform.notification.stream;

import java.util.Set;

/**
 * Which events a connection receives; empty sets and a {@code null} subject mean "any".
 *
 * @param types event type names, for live events
 * @param payloadTypes the stored payload classes of those types, for reads from the log
 * @param subject only this aggregate's events
 */
record StreamFilter(Set<String> types, Set<String> payloadTypes, String subject) {

	static final StreamFilter ANY = new StreamFilter(Set.of(), Set.of(), null);

	boolean matches(StreamEvent event) {
		return (types.isEmpty() || types.contains(event.type()))
				&& (subject == null || subject.equals(event.subject()));
	}

}
