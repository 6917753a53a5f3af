package dev.eventplatform.events.webhook;

import dev.eventplatform.events.EventType;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A subscription got a new signing secret (the secret itself is never in an event).
 *
 * @param previousSecretExpiresAt until when the previous secret still signs too
 */
@Revision("1")
@EventType(name = "webhook.subscription.secret_rotated", version = 1)
public record WebhookSecretRotatedEvent(String subscriptionId, Instant previousSecretExpiresAt) {
}
