package dev.eventplatform.notification.webhook.delivery;

import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.eventlog.EventLogQuery;
import dev.eventplatform.infrastructure.eventlog.EventLogReader;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.notification.webhook.WebhookErrorCode;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.NewDelivery;
import dev.eventplatform.notification.webhook.subscription.Subscription;
import dev.eventplatform.notification.webhook.subscription.SubscriptionService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What subscribers and operators see of deliveries and do with them: list them with their
 * attempts, retry dead letters (same webhook-id, a fresh schedule) and replay a time
 * range from the event store. Blocking: call it off the event loop.
 */
@Component
public class DeliveryLog {

	/** The most events one replay sends; a larger range is refused, to be narrowed. */
	static final int MAX_REPLAY = 10_000;

	private static final int PAGE = 500;

	private static final String COLUMNS = """
			delivery_id, subscription_id, event_id, event_type, subject, position, event_time, status, rounds,
			attempts, next_attempt_at, created_at, completed_at, last_status_code, last_error""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DeliveryStore store;

	private final EventLogReader reader;

	private final EventCatalogue catalogue;

	private final SubscriptionService subscriptions;

	private final WebhookBodies bodies;

	private final DeliveryDispatcher dispatcher;

	private final Clock clock;

	DeliveryLog(JdbcClient jdbc, TransactionTemplate transactions, DeliveryStore store, EventLogReader reader,
			EventCatalogue catalogue, SubscriptionService subscriptions, WebhookBodies bodies,
			DeliveryDispatcher dispatcher, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.store = store;
		this.reader = reader;
		this.catalogue = catalogue;
		this.subscriptions = subscriptions;
		this.bodies = bodies;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/**
	 * A subscription's deliveries (every subscription's when {@code subscriptionId} is
	 * null), newest first.
	 * @param status {@code pending}, {@code sending}, {@code delivered} or {@code dead};
	 * null for all
	 */
	public List<Delivery> list(String subscriptionId, String status, int limit) {
		var sql = new StringBuilder("SELECT " + COLUMNS + " FROM webhook_delivery WHERE 1 = 1");
		var params = new ArrayList<Object>();
		if (subscriptionId != null) {
			sql.append(" AND subscription_id = ?");
			params.add(subscriptionId);
		}
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status(status));
		}
		sql.append(" ORDER BY created_at DESC, position DESC LIMIT ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(DeliveryLog::map).list();
	}

	public Optional<DeliveryDetail> find(String subscriptionId, String deliveryId) {
		return jdbc
			.sql("SELECT " + COLUMNS + ", body FROM webhook_delivery WHERE delivery_id = ? AND subscription_id = ?")
			.params(deliveryId, subscriptionId)
			.query((rs, row) -> new DeliveryDetail(map(rs, row), rs.getString("body"), attempts(deliveryId)))
			.optional();
	}

	/** Sends a dead letter again, with its webhook-id and a fresh retry schedule. */
	public Delivery retry(String subscriptionId, String deliveryId) {
		var delivery = find(subscriptionId, deliveryId)
			.orElseThrow(() -> new CodedException(PlatformErrorCode.NOT_FOUND, "No delivery " + deliveryId + "."))
			.delivery();
		if (!delivery.status().equals(DeliveryStore.DEAD.toLowerCase(Locale.ROOT))) {
			throw new CodedException(WebhookErrorCode.NOT_A_DEAD_LETTER,
					"Delivery " + deliveryId + " is " + delivery.status() + "; only a dead letter is retried.");
		}
		requeue("delivery_id = ?", List.of(deliveryId), DeliveryStore.DEAD);
		return find(subscriptionId, deliveryId).orElseThrow().delivery();
	}

	/**
	 * Sends the dead letters again whose events happened in {@code [from, to)}; of one
	 * subscription, or of all when it is null.
	 * @return how many
	 */
	public int retryDeadLetters(String subscriptionId, Instant from, Instant to) {
		var where = new StringBuilder("event_time >= ? AND event_time < ?");
		var params = new ArrayList<Object>(List.of(DeliveryStore.sql(from == null ? Instant.EPOCH : from),
				DeliveryStore.sql(to == null ? clock.instant().plusSeconds(1) : to)));
		if (subscriptionId != null) {
			where.append(" AND subscription_id = ?");
			params.add(subscriptionId);
		}
		return requeue(where.toString(), params, DeliveryStore.DEAD);
	}

	/**
	 * Delivers again the subscription's matching events of {@code [from, to)}, read from
	 * the event store: events it never had (it was disabled, say) and those already
	 * delivered or dead-lettered, which keep their webhook-id.
	 * @return how many events
	 */
	public int replay(Subscription subscription, Instant from, Instant to) {
		var payloadTypes = new HashSet<String>();
		subscriptions.typesKnown(subscription.eventTypes())
			.forEach(type -> payloadTypes.addAll(catalogue.payloadClassNames(type)));
		var deliveries = new ArrayList<NewDelivery>();
		long after = 0;
		while (true) {
			var page = reader.read(new EventLogQuery(after, null, payloadTypes, from, to, PAGE)).block();
			for (var event : page.events()) {
				if (deliveries.size() == MAX_REPLAY) {
					throw new CodedException(WebhookErrorCode.REPLAY_TOO_LARGE, "The range holds more than "
							+ MAX_REPLAY + " matching events; replay it in narrower ranges.");
				}
				var envelope = event.envelope();
				var body = bodies.render(envelope, subscription.format());
				deliveries.add(new NewDelivery(FanOut.deliveryId(envelope.eventId().toString(), subscription.id()),
						subscription.id(), envelope.eventId().toString(), envelope.eventType(), envelope.subject(),
						event.position(), envelope.timestamp(), body.text(), body.contentType(), true));
			}
			if (!page.hasMore()) {
				break;
			}
			after = page.next();
		}
		if (deliveries.isEmpty()) {
			return 0;
		}
		transactions.executeWithoutResult(tx -> store.insert(deliveries, clock.instant()));
		dispatcher.wakeUp();
		return deliveries.size();
	}

	private int requeue(String where, List<Object> params, String status) {
		var all = new ArrayList<Object>();
		all.add(DeliveryStore.sql(clock.instant()));
		all.add(status);
		all.addAll(params);
		var count = jdbc
			.sql("UPDATE webhook_delivery SET status = 'PENDING', rounds = 0, next_attempt_at = ?, "
					+ "completed_at = NULL WHERE status = ? AND " + where)
			.params(all)
			.update();
		dispatcher.wakeUp();
		return count;
	}

	private List<Attempt> attempts(String deliveryId) {
		return jdbc.sql("""
				SELECT attempt, started_at, duration_ms, status_code, error, response_excerpt FROM webhook_attempt
				WHERE delivery_id = ? ORDER BY attempt""")
			.param(deliveryId)
			.query((rs, row) -> new Attempt(rs.getInt(1), DeliveryStore.instant(rs, 2), rs.getLong(3),
					(Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** A status as a query parameter names it; 400 for anything else. */
	static String status(String status) {
		var upper = status.toUpperCase(Locale.ROOT);
		if (!List.of(DeliveryStore.PENDING, DeliveryStore.SENDING, DeliveryStore.DELIVERED, DeliveryStore.DEAD)
			.contains(upper)) {
			throw new CodedException(PlatformErrorCode.INVALID_PARAMETER,
					"status must be pending, sending, delivered or dead.");
		}
		return upper;
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		var status = rs.getString("status");
		return new Delivery(rs.getString("delivery_id"), rs.getString("subscription_id"), rs.getString("event_id"),
				rs.getString("event_type"), rs.getString("subject"), rs.getLong("position"),
				DeliveryStore.instant(rs, "event_time"), status.toLowerCase(Locale.ROOT), rs.getInt("attempts"),
				status.equals(DeliveryStore.PENDING) ? DeliveryStore.instant(rs, "next_attempt_at") : null,
				DeliveryStore.instant(rs, "created_at"), DeliveryStore.instant(rs, "completed_at"),
				(Integer) rs.getObject("last_status_code", Integer.class), rs.getString("last_error"));
	}

	/**
	 * A delivery of one event to one subscription.
	 *
	 * @param id the webhook-id the receiver sees
	 * @param position the event's position in the log
	 * @param status {@code pending}, {@code sending}, {@code delivered} or {@code dead}
	 * @param attempts HTTP attempts so far
	 * @param nextAttemptAt when a pending delivery is due
	 */
	public record Delivery(String id, String subscriptionId, String eventId, String eventType, String subject,
			long position, Instant eventTime, String status, int attempts, Instant nextAttemptAt, Instant createdAt,
			Instant completedAt, Integer lastStatusCode, String lastError) {
	}

	/** A delivery with the body it sends and every attempt. */
	public record DeliveryDetail(Delivery delivery, String body, List<Attempt> attempts) {
	}

	/**
	 * One HTTP attempt.
	 *
	 * @param statusCode null when no response came ({@code error} says why)
	 * @param responseExcerpt the first 1,000 bytes of the response body
	 */
	public record Attempt(int attempt, Instant startedAt, long durationMs, Integer statusCode, String error,
			String responseExcerpt) {
	}

}
