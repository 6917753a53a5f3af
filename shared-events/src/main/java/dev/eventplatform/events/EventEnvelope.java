package dev.eventplatform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The published form of every event, identical on every channel (audit, webhooks, SSE).
 *
 * @param eventId unique id of the event, stable across redeliveries
 * @param eventType {@code resource.action} name from {@link EventType}
 * @param version payload version from {@link EventType}
 * @param timestamp when the event happened, UTC
 * @param source identifier of the emitting service
 * @param subject id of the resource the event is about; events of one subject are ordered
 * @param sequence position of the event within its subject, starting at 0
 * @param data the payload, shaped as the catalogue's schema for
 * {@code eventType}/{@code version}
 */
public record EventEnvelope(UUID eventId, String eventType, int version, Instant timestamp, String source,
		String subject, long sequence, Object data) {
}
