package dev.eventplatform.notification.webhook.subscription;

import dev.eventplatform.events.webhook.WebhookSubscriptionCreatedEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionDeletedEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionDisabledEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionEnabledEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionUpdatedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.eventplatform.notification.webhook.WebhookConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code webhook_subscription} in step with the subscription events. Its processing
 * group is subscribing (application.yml): the rows change in the transaction that appends
 * the events, so a subscriber reads its change at once and the fan-out never sees a
 * subscription the event store does not have. Deleting removes the row, and with it the
 * secrets and deliveries; the events stay.
 */
@Component
@ProcessingGroup(SubscriptionProjection.PROCESSING_GROUP)
class SubscriptionProjection {

	static final String PROCESSING_GROUP = WebhookConfiguration.SUBSCRIPTIONS_GROUP;

	private final JdbcClient jdbc;

	SubscriptionProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(WebhookSubscriptionCreatedEvent event, @Timestamp Instant at) {
		jdbc.sql("""
				INSERT INTO webhook_subscription (subscription_id, owner, url, event_types, version, format,
				description, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
			.params(event.subscriptionId(), event.owner(), event.url(), Subscription.joinTypes(event.eventTypes()),
					event.version(), event.format(), event.description(), sql(at), sql(at))
			.update();
	}

	@EventHandler
	void on(WebhookSubscriptionUpdatedEvent event, @Timestamp Instant at) {
		jdbc.sql("""
				UPDATE webhook_subscription SET url = ?, event_types = ?, description = ?, updated_at = ?
				WHERE subscription_id = ?""")
			.params(event.url(), Subscription.joinTypes(event.eventTypes()), event.description(), sql(at),
					event.subscriptionId())
			.update();
	}

	@EventHandler
	void on(WebhookSubscriptionEnabledEvent event, @Timestamp Instant at) {
		jdbc.sql("""
				UPDATE webhook_subscription SET enabled = TRUE, disabled_reason = NULL, disabled_at = NULL,
				consecutive_failures = 0, updated_at = ? WHERE subscription_id = ?""")
			.params(sql(at), event.subscriptionId())
			.update();
	}

	@EventHandler
	void on(WebhookSubscriptionDisabledEvent event, @Timestamp Instant at) {
		jdbc.sql("""
				UPDATE webhook_subscription SET enabled = FALSE, disabled_reason = ?, disabled_at = ?, updated_at = ?
				WHERE subscription_id = ?""").params(event.reason(), sql(at), sql(at), event.subscriptionId()).update();
	}

	@EventHandler
	void on(WebhookSubscriptionDeletedEvent event) {
		jdbc.sql("DELETE FROM webhook_subscription WHERE subscription_id = ?").param(event.subscriptionId()).update();
	}

	static OffsetDateTime sql(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
