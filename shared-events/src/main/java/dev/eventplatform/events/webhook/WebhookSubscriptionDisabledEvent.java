package dev.eventplatform.events.webhook;

import dev.eventplatform.events.EventType;
import org.axonframework.serialization.Revision;

/**
 * A subscription stopped receiving deliveries: its owner asked, its endpoint answered 410
 * Gone, or too many deliveries in a row failed.
 *
 * @param reason {@code requested}, {@code gone} or {@code failing}
 * @param detail what happened, for people
 */
@Revision("1")
@EventType(name = "webhook.subscription.disabled", version = 1)
public record WebhookSubscriptionDisabledEvent(String subscriptionId, String reason, String detail) {
}
