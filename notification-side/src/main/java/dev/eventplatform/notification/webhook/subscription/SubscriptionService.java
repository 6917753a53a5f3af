package dev.eventplatform.notification.webhook.subscription;

import dev.eventplatform.events.ContractStatus;
import dev.eventplatform.infrastructure.axon.AxonInfrastructureConfiguration;
import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.notification.webhook.WebhookProperties;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.CreateSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.DeleteSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.DisableSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.EnableSubscriptionCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.RotateSecretCommand;
import dev.eventplatform.notification.webhook.subscription.SubscriptionCommands.UpdateSubscriptionCommand;
import dev.eventplatform.notification.webhook.target.WebhookTargets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes subscriptions: validates what the aggregate cannot know (the URL's target, the
 * catalogue's types and versions), then sends the command. A secret is stored in the
 * command's transaction (Axon's unit of work joins it), so a subscription never exists
 * without one. Blocking: call it off the event loop.
 */
@Service
public class SubscriptionService {

	/** Who disables a subscription whose deliveries keep failing, in the audit log. */
	public static final String SYSTEM_PRINCIPAL = "system:webhooks";

	private final CommandGateway commands;

	private final TransactionTemplate transactions;

	private final Subscriptions subscriptions;

	private final WebhookSecrets secrets;

	private final WebhookTargets targets;

	private final EventCatalogue catalogue;

	private final WebhookProperties properties;

	private final Clock clock;

	SubscriptionService(CommandGateway commands, TransactionTemplate transactions, Subscriptions subscriptions,
			WebhookSecrets secrets, WebhookTargets targets, EventCatalogue catalogue, WebhookProperties properties,
			Clock clock) {
		this.commands = commands;
		this.transactions = transactions;
		this.subscriptions = subscriptions;
		this.secrets = secrets;
		this.targets = targets;
		this.catalogue = catalogue;
		this.properties = properties;
		this.clock = clock;
	}

	/** Creates a subscription; the answer is the only time its secret is shown. */
	public Created create(Caller caller, String url, List<String> eventTypes, Integer version, String format,
			String description) {
		var target = targets.validate(url).toString();
		var types = List.copyOf(new LinkedHashSet<>(eventTypes));
		var pinned = version == null ? currentVersion(types) : version;
		requirePublished(types, pinned);
		var id = UUID.randomUUID().toString();
		var secret = secrets.generate();
		transactions.executeWithoutResult(tx -> {
			send(caller, new CreateSubscriptionCommand(id, caller.name(), target, types, pinned,
					format == null ? Subscription.ENVELOPE : format, description));
			secrets.add(id, secret);
		});
		return new Created(subscriptions.find(id).orElseThrow(), secret);
	}

	/**
	 * Applies the members that are given; {@code enabled} last, so that a re-enabled
	 * subscription delivers to its new URL.
	 */
	public Subscription update(Caller caller, String id, String url, List<String> eventTypes, String description,
			Boolean enabled) {
		var current = subscriptions.visibleTo(caller, id);
		var target = url == null ? current.url() : targets.validate(url).toString();
		var types = eventTypes == null ? current.eventTypes() : List.copyOf(new LinkedHashSet<>(eventTypes));
		if (eventTypes != null) {
			requirePublished(types, current.version());
		}
		send(caller, new UpdateSubscriptionCommand(id, target, types,
				description == null ? current.description() : description));
		if (Boolean.TRUE.equals(enabled)) {
			send(caller, new EnableSubscriptionCommand(id));
		}
		else if (Boolean.FALSE.equals(enabled)) {
			send(caller, new DisableSubscriptionCommand(id, "requested", "Disabled by " + caller.name() + "."));
		}
		return subscriptions.find(id).orElseThrow();
	}

	/**
	 * A new secret; the previous one keeps signing beside it for the configured overlap,
	 * so receivers can switch without losing a delivery.
	 */
	public RotatedSecret rotateSecret(Caller caller, String id) {
		subscriptions.visibleTo(caller, id);
		var secret = secrets.generate();
		var previousExpiresAt = clock.instant().plus(properties.secretOverlap());
		transactions.executeWithoutResult(tx -> {
			send(caller, new RotateSecretCommand(id, previousExpiresAt));
			secrets.retire(id, previousExpiresAt);
			secrets.add(id, secret);
		});
		return new RotatedSecret(secret, previousExpiresAt);
	}

	public void delete(Caller caller, String id) {
		subscriptions.visibleTo(caller, id);
		send(caller, new DeleteSubscriptionCommand(id));
	}

	/**
	 * Stops deliveries to a subscription on the platform's own account (its endpoint is
	 * gone, or keeps failing).
	 */
	public void disable(String id, String reason, String detail) {
		send(new Caller(SYSTEM_PRINCIPAL, true), new DisableSubscriptionCommand(id, reason, detail));
	}

	private void send(Caller caller, Object command) {
		commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
			.andMetaData(Map.of(AxonInfrastructureConfiguration.PRINCIPAL_METADATA, caller.name())));
	}

	/** The types a filter list names, refusing an entry that names none. */
	public Set<String> typesNamed(List<String> filters) {
		for (var filter : filters) {
			if (catalogue.typesMatching(filter).isEmpty()) {
				throw new CodedException(PlatformErrorCode.UNKNOWN_EVENT_TYPE, "'" + filter
						+ "' names no type in the event catalogue (GET /schemas); 'order.*' names all of a resource's types.");
			}
		}
		return typesKnown(filters);
	}

	/**
	 * The types a stored filter list names today; an entry whose types left the catalogue
	 * names nothing.
	 */
	public Set<String> typesKnown(List<String> filters) {
		var names = new LinkedHashSet<String>();
		filters.forEach(filter -> names.addAll(catalogue.typesMatching(filter)));
		return names;
	}

	private int currentVersion(List<String> filters) {
		return typesNamed(filters).stream()
			.flatMap(type -> catalogue.versionsOf(type).stream())
			.filter(contract -> contract.status() == ContractStatus.CURRENT)
			.mapToInt(contract -> contract.version())
			.max()
			.orElse(1);
	}

	private void requirePublished(List<String> filters, int version) {
		catalogue.requireCurrent(typesNamed(filters), version);
	}

	/** A new subscription and its secret, shown this once. */
	public record Created(Subscription subscription, String secret) {
	}

	/** A new secret, shown this once, and when the previous one stops signing. */
	public record RotatedSecret(String secret, Instant previousSecretExpiresAt) {
	}

}
