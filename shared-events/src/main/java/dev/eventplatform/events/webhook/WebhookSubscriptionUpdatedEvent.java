package dev.eventplatform.events.webhook;

import dev.eventplatform.events.EventType;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A subscription's endpoint, type filters or description changed: the new values. */
@Revision("1")
@EventType(name = "webhook.subscription.updated", version = 1)
public record WebhookSubscriptionUpdatedEvent(String subscriptionId, String url, List<String> eventTypes,
		String description) {

	public WebhookSubscriptionUpdatedEvent {
		eventTypes = List.copyOf(eventTypes);
	}

}
