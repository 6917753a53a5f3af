package dev.eventplatform.events.webhook;

import dev.eventplatform.events.EventType;
import org.axonframework.serialization.Revision;

/** A subscription was deleted: nothing more is delivered, its history stays. */
@Revision("1")
@EventType(name = "webhook.subscription.deleted", version = 1)
public record WebhookSubscriptionDeletedEvent(String subscriptionId) {
}
