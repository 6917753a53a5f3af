package dev.eventplatform.events.webhook;

import dev.eventplatform.events.EventContract;
import java.time.Instant;
import java.util.List;

/** Every published webhook subscription event version, with the catalogue's example. */
public final class WebhookEventContracts {

	private static final String EXAMPLE_ID = "5d2c8f0a-7b1e-4f6a-9c3d-2e8b1a4f6c70";

	public static final List<EventContract> ALL = List.of(
			EventContract.current(new WebhookSubscriptionCreatedEvent(EXAMPLE_ID, "shop-integration",
					"https://example.com/hooks/orders", List.of("order.*"), 1, "envelope", "Order updates")),
			EventContract.current(new WebhookSubscriptionUpdatedEvent(EXAMPLE_ID, "https://example.com/hooks/v2",
					List.of("order.created", "order.cancelled"), "Order updates")),
			EventContract.current(new WebhookSubscriptionEnabledEvent(EXAMPLE_ID)),
			EventContract.current(new WebhookSubscriptionDisabledEvent(EXAMPLE_ID, "failing",
					"5 deliveries in a row were dead-lettered")),
			EventContract.current(new WebhookSecretRotatedEvent(EXAMPLE_ID, Instant.parse("2026-11-28T12:00:00Z"))),
			EventContract.current(new WebhookSubscriptionDeletedEvent(EXAMPLE_ID)));

	private WebhookEventContracts() {
	}

}
