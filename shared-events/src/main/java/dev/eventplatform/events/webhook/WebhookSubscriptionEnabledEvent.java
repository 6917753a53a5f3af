package dev.eventplatform.events.webhook;

import dev.eventplatform.events.EventType;
import org.axonframework.serialization.Revision;

/** A disabled subscription receives deliveries again. */
@Revision("1")
@EventType(name = "webhook.subscription.enabled", version = 1)
public record WebhookSubscriptionEnabledEvent(String subscriptionId) {
}
