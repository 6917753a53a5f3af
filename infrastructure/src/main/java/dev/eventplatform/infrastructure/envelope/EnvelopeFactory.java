package dev.eventplatform.infrastructure.envelope;

import dev.eventplatform.events.EventContract;
import dev.eventplatform.events.EventEnvelope;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The one place where a stored event becomes its published envelope; audit, webhooks and
 * SSE all publish what this returns, so the channels cannot drift apart.
 */
public class EnvelopeFactory {

	private final String source;

	public EnvelopeFactory(String source) {
		this.source = source;
	}

	public EventEnvelope toEnvelope(DomainEventMessage<?> message) {
		var eventType = EventContract.eventTypeOf(message.getPayloadType());
		return new EventEnvelope(UUID.fromString(message.getIdentifier()), eventType.name(), eventType.version(),
				message.getTimestamp(), source, message.getAggregateIdentifier(), message.getSequenceNumber(),
				message.getPayload());
	}

}
