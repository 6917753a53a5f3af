package dev.eventplatform.notification.webhook.delivery;

import dev.eventplatform.notification.webhook.WebhookProperties;
import dev.eventplatform.notification.webhook.subscription.SubscriptionService;
import dev.eventplatform.notification.webhook.subscription.Subscriptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Disables a subscription whose endpoint is gone or keeps failing (recorded as a
 * {@code webhook.subscription.disabled} event), and tells the operator: a warning in the
 * log, and a signed POST to the configured notification URL.
 */
@Component
class SubscriptionGuard {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionGuard.class);

	private final Subscriptions subscriptions;

	private final SubscriptionService service;

	private final WebhookSender sender;

	private final WebhookProperties.OperatorNotification notification;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	SubscriptionGuard(Subscriptions subscriptions, SubscriptionService service, WebhookSender sender,
			WebhookProperties properties, JsonMapper jsonMapper, Clock clock) {
		this.subscriptions = subscriptions;
		this.service = service;
		this.sender = sender;
		this.notification = properties.operatorNotification();
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	void disable(String subscriptionId, String reason, String detail) {
		var subscription = subscriptions.find(subscriptionId).filter(s -> s.enabled()).orElse(null);
		if (subscription == null) {
			return;
		}
		service.disable(subscriptionId, reason, detail);
		log.warn("Webhook subscription {} of {} ({}) is disabled: {}", subscriptionId, subscription.owner(),
				subscription.url(), detail);
		if (notification.url() == null || notification.secret() == null) {
			return;
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "webhook.subscription.disabled");
		body.put("subscriptionId", subscriptionId);
		body.put("owner", subscription.owner());
		body.put("url", subscription.url());
		body.put("reason", reason);
		body.put("detail", detail);
		body.put("at", clock.instant().toString());
		sender
			.post(notification.url().toString(), "msg_" + UUID.randomUUID(), jsonMapper.writeValueAsString(body),
					WebhookBodies.ENVELOPE_CONTENT_TYPE, List.of(notification.secret()))
			.subscribe(attempt -> {
				if (!attempt.succeeded()) {
					log.warn("Notifying the operator of disabled subscription {} failed: {}", subscriptionId,
							attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : attempt.error());
				}
			});
	}

}
