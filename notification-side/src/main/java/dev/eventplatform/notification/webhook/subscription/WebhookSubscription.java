package dev.eventplatform.notification.webhook.subscription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.eventplatform.events.webhook.WebhookSecretRotatedEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionCreatedEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionDeletedEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionDisabledEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionEnabledEvent;
import dev.eventplatform.events.webhook.WebhookSubscriptionUpdatedEvent;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.notification.webhook.WebhookErrorCode;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.CreateSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.DeleteSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.DisableSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.EnableSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.RotateSecretCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.UpdateSubscriptionCommand;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A webhook subscription's lifecycle. Input is validated before the command (URL, types,
 * version); the aggregate keeps the rules that depend on its state: nothing changes a
 * deleted subscription, and a change that changes nothing records no event.
 */
@Aggregate
public class WebhookSubscription {

	@AggregateIdentifier
	private String subscriptionId;

	private String url;

	private List<String> eventTypes;

	private String description;

	private boolean enabled;

	private boolean deleted;

	/** Required by Axon to rebuild the subscription from its events. */
	protected WebhookSubscription() {
	}

	@CommandHandler
	public WebhookSubscription(CreateSubscriptionCommand command) {
		apply(new WebhookSubscriptionCreatedEvent(command.subscriptionId(), command.owner(), command.url(),
				command.eventTypes(), command.version(), command.format(), command.description()));
	}

	@CommandHandler
	public void handle(UpdateSubscriptionCommand command) {
		requireNotDeleted();
		if (!url.equals(command.url()) || !eventTypes.equals(command.eventTypes())
				|| !Objects.equals(description, command.description())) {
			apply(new WebhookSubscriptionUpdatedEvent(subscriptionId, command.url(), command.eventTypes(),
					command.description()));
		}
	}

	@CommandHandler
	public void handle(EnableSubscriptionCommand command) {
		requireNotDeleted();
		if (!enabled) {
			apply(new WebhookSubscriptionEnabledEvent(subscriptionId));
		}
	}

	@CommandHandler
	public void handle(DisableSubscriptionCommand command) {
		requireNotDeleted();
		if (enabled) {
			apply(new WebhookSubscriptionDisabledEvent(subscriptionId, command.reason(), command.detail()));
		}
	}

	@CommandHandler
	public void handle(RotateSecretCommand command) {
		requireNotDeleted();
		apply(new WebhookSecretRotatedEvent(subscriptionId, command.previousSecretExpiresAt()));
	}

	@CommandHandler
	public void handle(DeleteSubscriptionCommand command) {
		requireNotDeleted();
		apply(new WebhookSubscriptionDeletedEvent(subscriptionId));
	}

	private void requireNotDeleted() {
		if (deleted) {
			throw new CodedException(WebhookErrorCode.SUBSCRIPTION_DELETED, "The subscription was deleted.");
		}
	}

	@EventSourcingHandler
	void on(WebhookSubscriptionCreatedEvent event) {
		subscriptionId = event.subscriptionId();
		url = event.url();
		eventTypes = event.eventTypes();
		description = event.description();
		enabled = true;
	}

	@EventSourcingHandler
	void on(WebhookSubscriptionUpdatedEvent event) {
		url = event.url();
		eventTypes = event.eventTypes();
		description = event.description();
	}

	@EventSourcingHandler
	void on(WebhookSubscriptionEnabledEvent event) {
		enabled = true;
	}

	@EventSourcingHandler
	void on(WebhookSubscriptionDisabledEvent event) {
		enabled = false;
	}

	@EventSourcingHandler
	void on(WebhookSubscriptionDeletedEvent event) {
		deleted = true;
		enabled = false;
	}

}
