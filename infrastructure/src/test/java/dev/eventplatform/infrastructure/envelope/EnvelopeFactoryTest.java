package dev.eventplatform.infrastructure.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.eventplatform.events.order.OrderPaymentReceivedEvent;
import dev.eventplatform.events.order.OrderShippedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Every channel publishes what the factory returns, so each envelope field must come from
 * the stored event.
 */
class EnvelopeFactoryTest {

	private final EnvelopeFactory factory = new EnvelopeFactory("order-service");

	@Test
	void shouldTakeEveryFieldFromTheMessage() {
		var eventId = UUID.fromString("5d2c6a8e-1b7f-4e0a-9c3d-2f4b6a8c0e12");
		var timestamp = Instant.parse("2026-11-03T09:15:30.123456Z");
		var payload = new OrderPaymentReceivedEvent("order-7", new BigDecimal("25.00"), "EUR");
		var message = new GenericDomainEventMessage<>("Order", "order-7", 1L, payload, Map.of(), eventId.toString(),
				timestamp);

		var envelope = factory.toEnvelope(message);

		assertThat(envelope.eventId()).isEqualTo(eventId);
		assertThat(envelope.eventType()).isEqualTo("order.payment_received");
		assertThat(envelope.version()).isEqualTo(1);
		assertThat(envelope.timestamp()).isEqualTo(timestamp);
		assertThat(envelope.source()).isEqualTo("order-service");
		assertThat(envelope.subject()).isEqualTo("order-7");
		assertThat(envelope.sequence()).isEqualTo(1L);
		assertThat(envelope.data()).isSameAs(payload);
	}

	@Test
	void shouldKeepTheIdOfARedeliveredEvent() {
		// Subscribers deduplicate by eventId: the same stored event must always get the
		// same id.
		var message = new GenericDomainEventMessage<>("Order", "order-7", 2L,
				new OrderShippedEvent("order-7", "DHL", "JD01"));

		assertThat(factory.toEnvelope(message).eventId()).isEqualTo(factory.toEnvelope(message).eventId())
			.isEqualTo(UUID.fromString(message.getIdentifier()));
	}

	@Test
	void shouldUseTheAggregateSequenceAsSequence() {
		var message = new GenericDomainEventMessage<>("Order", "order-9", 42L,
				new OrderShippedEvent("order-9", "DHL", "JD01"));

		var envelope = factory.toEnvelope(message);

		assertThat(envelope.subject()).isEqualTo("order-9");
		assertThat(envelope.sequence()).isEqualTo(42L);
		assertThat(envelope.eventType()).isEqualTo("order.shipped");
	}

	@Test
	void cannotPublishAPayloadWithoutEventType() {
		var message = new GenericDomainEventMessage<>("Order", "order-7", 0L, new Unpublished("internal"));

		assertThatIllegalArgumentException().isThrownBy(() -> factory.toEnvelope(message))
			.withMessageContaining(Unpublished.class.getName());
	}

	private record Unpublished(String value) {
	}

}
