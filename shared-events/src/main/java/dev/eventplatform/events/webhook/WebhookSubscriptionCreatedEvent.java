package dev.eventplatform.events.webhook;

import dev.eventplatform.events.EventType;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A subscriber asked for events to be delivered to its endpoint.
 *
 * @param owner the name of the API key that owns the subscription
 * @param eventTypes type filters as given, wildcards ({@code order.*}) included
 * @param version the envelope version the subscriber reads
 * @param format {@code envelope} or {@code cloudevents}
 */
@Revision("1")
@EventType(name = "webhook.subscription.created", version = 1)
public record WebhookSubscriptionCreatedEvent(String subscriptionId, String owner, String url, List<String> eventTypes,
		int version, String format, String description) {

	public WebhookSubscriptionCreatedEvent {
		eventTypes = List.copyOf(eventTypes);
	}

}
