package dev.eventplatform.notification.webhook.subscription;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a webhook subscription. */
final class SubscriptionCommands {

	private SubscriptionCommands() {
	}

	record CreateSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, String owner, String url,
			List<String> eventTypes, int version, String format, String description) {
	}

	/** The new values; those that did not change are repeated. */
	record UpdateSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, String url,
			List<String> eventTypes, String description) {
	}

	record EnableSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId) {
	}

	record DisableSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, String reason, String detail) {
	}

	record RotateSecretCommand(@TargetAggregateIdentifier String subscriptionId, Instant previousSecretExpiresAt) {
	}

	record DeleteSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId) {
	}

}
