package dev.eventplatform.notification.webhook.delivery;

import dev.eventplatform.events.EventType;
import dev.eventplatform.infrastructure.envelope.EnvelopeFactory;
import dev.eventplatform.infrastructure.projection.BatchedWrites;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.NewDelivery;
import dev.eventplatform.notification.webhook.subscription.Subscription;
import dev.eventplatform.notification.webhook.subscription.SubscriptionService;
import dev.eventplatform.notification.webhook.subscription.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import dev.eventplatform.notification.webhook.WebhookConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Fans each new event out to the subscriptions it matches: one delivery row each, written
 * with the processor's token in one transaction (a JDBC batch per processor batch), so a
 * crash neither loses nor doubles a delivery. The processor starts at the head of the log
 * when it is first deployed (history is never sent), and has its own tokens: resetting
 * another processor sends nothing. Its own reset, which operators must confirm, sends
 * again every delivery the replay covers.
 * <p>
 * An event outside the catalogue is not published, so it matches no subscription. A
 * subscription receives the events that happen after it was created.
 */
@Component
@ProcessingGroup(FanOut.PROCESSING_GROUP)
class FanOut {

	static final String PROCESSING_GROUP = WebhookConfiguration.FAN_OUT_GROUP;

	private static final String SUBSCRIPTIONS = FanOut.class.getName() + ".subscriptions";

	private final Subscriptions subscriptions;

	private final SubscriptionService service;

	private final EnvelopeFactory envelopes;

	private final WebhookBodies bodies;

	private final DeliveryStore store;

	private final BatchedWrites<NewDelivery> writes;

	private final Clock clock;

	FanOut(Subscriptions subscriptions, SubscriptionService service, EnvelopeFactory envelopes, WebhookBodies bodies,
			DeliveryStore store, PlatformTransactionManager transactions, Clock clock, DeliveryDispatcher dispatcher) {
		this.subscriptions = subscriptions;
		this.service = service;
		this.envelopes = envelopes;
		this.bodies = bodies;
		this.store = store;
		this.clock = clock;
		this.writes = new BatchedWrites<>(PROCESSING_GROUP, transactions, batch -> {
			store.insert(batch, clock.instant());
			CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> dispatcher.wakeUp()));
		});
	}

	@EventHandler
	void on(Object payload, EventMessage<?> message, TrackingToken token, ReplayStatus replay) {
		var eventType = payload.getClass().getAnnotation(EventType.class);
		if (eventType == null || !(message instanceof DomainEventMessage<?> event)) {
			return;
		}
		var matching = matching().stream()
			.filter(m -> m.types().contains(eventType.name())
					&& !message.getTimestamp().isBefore(m.subscription().createdAt()))
			.toList();
		if (matching.isEmpty()) {
			return;
		}
		var envelope = envelopes.toEnvelope(event);
		var rendered = new HashMap<String, WebhookBodies.Body>();
		var position = token.position().orElseThrow();
		for (var match : matching) {
			var subscription = match.subscription();
			var body = rendered.computeIfAbsent(subscription.format(), format -> bodies.render(envelope, format));
			writes.add(new NewDelivery(deliveryId(envelope.eventId().toString(), subscription.id()), subscription.id(),
					envelope.eventId().toString(), envelope.eventType(), envelope.subject(), position,
					envelope.timestamp(), body.text(), body.contentType(),
					// Only an operator's confirmed reset replays this processor: send
					// again.
					replay.isReplay()));
		}
	}

	/**
	 * The webhook-id: the same for an event and subscription on every send and replay.
	 */
	static String deliveryId(String eventId, String subscriptionId) {
		return "msg_" + UUID.nameUUIDFromBytes((eventId + "/" + subscriptionId).getBytes(StandardCharsets.UTF_8));
	}

	/** The enabled subscriptions and the types they name, read once per batch. */
	private List<Match> matching() {
		return CurrentUnitOfWork.get().root().getOrComputeResource(SUBSCRIPTIONS, key -> {
			var matches = new ArrayList<Match>();
			for (var subscription : subscriptions.enabled()) {
				matches.add(new Match(subscription, service.typesKnown(subscription.eventTypes())));
			}
			return matches;
		});
	}

	private record Match(Subscription subscription, Set<String> types) {
	}

}
