package dev.eventplatform.notification.webhook.delivery;

import dev.eventplatform.infrastructure.DatabaseKind;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.ClaimedDelivery;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.NewDelivery;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.Outcome;
import dev.eventplatform.notification.webhook.subscription.WebhookSecrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery rows: inserted by the fan-out, claimed by the dispatchers of every node
 * ({@code FOR UPDATE SKIP LOCKED}, so two nodes never claim one row), completed in
 * batches. Blocking: call it off the event loop.
 */
@Component
class DeliveryStore {

	static final String PENDING = "PENDING";

	static final String SENDING = "SENDING";

	static final String DELIVERED = "DELIVERED";

	static final String DEAD = "DEAD";

	/**
	 * Due pending rows, each subscription's own in due order straight from its index, so
	 * that the cost follows the rows claimed, not the backlog nor the table's statistics
	 * (a join planned on stale ones read every pending row to sort them). A plain index
	 * scan also marks dead entries, which later claims then skip. A row waits while an
	 * earlier delivery of its subscription and subject is unfinished: the first
	 * unfinished one is looked up per row, as a sub-plan on the subject's index (as an
	 * anti-join, stale statistics let the planner probe by subscription alone).
	 */
	private static final String CLAIM_POSTGRESQL = """
			SELECT c.delivery_id, c.subscription_id FROM webhook_subscription s
			CROSS JOIN LATERAL (SELECT d.delivery_id, d.subscription_id, d.next_attempt_at FROM webhook_delivery d
			    WHERE d.subscription_id = s.subscription_id AND d.status = 'PENDING' AND d.next_attempt_at <= :now
			      AND d.position = (SELECT min(e.position) FROM webhook_delivery e
			          WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject
			            AND e.status IN ('PENDING', 'SENDING'))
			    ORDER BY d.next_attempt_at LIMIT :perEndpoint FOR UPDATE SKIP LOCKED) c
			WHERE s.enabled AND s.subscription_id NOT IN (:excluded)
			ORDER BY c.next_attempt_at LIMIT :limit""";

	/** The same for H2, which has no lateral joins. */
	private static final String CLAIM_PORTABLE = """
			SELECT d.delivery_id, d.subscription_id FROM webhook_delivery d
			WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
			  AND d.subscription_id IN (SELECT s.subscription_id FROM webhook_subscription s WHERE s.enabled)
			  AND d.subscription_id NOT IN (:excluded)
			  AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
			      WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject
			        AND e.position < d.position AND e.status IN ('PENDING', 'SENDING'))
			ORDER BY d.next_attempt_at
			LIMIT :limit FOR UPDATE SKIP LOCKED""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final WebhookSecrets secrets;

	private final boolean postgresql;

	DeliveryStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, WebhookSecrets secrets,
			DatabaseKind database) {
		this.postgresql = database.postgreSql();
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.secrets = secrets;
	}

	/**
	 * Inserts the rows that do not exist yet, due at once; a redelivered fan-out batch
	 * inserts nothing twice. Rows marked {@code resend} (a replay) that exist are due
	 * again. Runs in the caller's transaction.
	 */
	void insert(List<NewDelivery> batch, Instant now) {
		var deliveries = ofPresentSubscriptions(batch);
		template.batchUpdate("""
				INSERT INTO webhook_delivery (delivery_id, subscription_id, event_id, event_type, subject, position,
				event_time, body, content_type, status, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT DO NOTHING""", deliveries.stream()
			.map(d -> new Object[] { d.deliveryId(), d.subscriptionId(), d.eventId(), d.eventType(), d.subject(),
					d.position(), sql(d.eventTime()), d.body(), d.contentType(), sql(now), sql(now) })
			.toList());
		var resent = deliveries.stream()
			.filter(NewDelivery::resend)
			.map(d -> new Object[] { sql(now), d.deliveryId() })
			.toList();
		if (!resent.isEmpty()) {
			// A replay: the deliveries go out again, with a fresh retry schedule. One in
			// flight is sent again too: its send began before the replay was asked for,
			// and its outcome, which finds the row no longer sending, is dropped.
			template.batchUpdate(
					"""
							UPDATE webhook_delivery SET status = 'PENDING', rounds = 0, next_attempt_at = ?, completed_at = NULL,
							lease_until = NULL WHERE delivery_id = ? AND status IN ('DELIVERED', 'DEAD', 'SENDING')""",
					resent);
		}
	}

	/**
	 * Leaves out the deliveries of subscriptions deleted since the fan-out read them,
	 * which would fail the whole batch on the foreign key. On PostgreSQL the rest are
	 * locked against deletion ({@code FOR KEY SHARE}, what the foreign key check itself
	 * takes) until this transaction ends, so a delete waits and then takes their
	 * deliveries along.
	 */
	private List<NewDelivery> ofPresentSubscriptions(List<NewDelivery> deliveries) {
		var ids = deliveries.stream().map(NewDelivery::subscriptionId).distinct().toList();
		if (ids.isEmpty()) {
			return deliveries;
		}
		var present = new HashSet<>(jdbc
			.sql("SELECT subscription_id FROM webhook_subscription WHERE subscription_id IN (:ids)"
					+ (postgresql ? " FOR KEY SHARE" : ""))
			.param("ids", ids)
			.query(String.class)
			.list());
		return present.size() == ids.size() ? deliveries
				: deliveries.stream().filter(d -> present.contains(d.subscriptionId())).toList();
	}

	/**
	 * Claims due pending deliveries of enabled subscriptions for {@code lease}, at most
	 * {@code perEndpoint} of each. A delivery waits while an earlier one of its
	 * subscription and subject is unfinished, so each subject's deliveries go out in
	 * event order.
	 * @param room how many more each subscription may take; absent means
	 * {@code perEndpoint}
	 * @param excluded subscriptions to leave alone (at capacity, or their circuit is
	 * open)
	 */
	Claim claim(Instant now, Instant leaseUntil, int limit, int perEndpoint, Map<String, Integer> room,
			Set<String> excluded) {
		return transactions.execute(tx -> {
			var candidates = jdbc.sql(postgresql ? CLAIM_POSTGRESQL : CLAIM_PORTABLE)
				.param("now", sql(now))
				.param("excluded", nonEmpty(excluded, ""))
				.param("perEndpoint", perEndpoint)
				.param("limit", limit)
				.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			var taken = new HashMap<String, Integer>();
			var ids = new ArrayList<String>();
			for (var candidate : candidates) {
				var count = taken.merge(candidate[1], 1, Integer::sum);
				if (count <= room.getOrDefault(candidate[1], perEndpoint)) {
					ids.add(candidate[0]);
				}
			}
			// More are due only if this query was full and took some: rows left to full
			// endpoints wait for their room, not for another query.
			var more = candidates.size() == limit && !ids.isEmpty();
			if (ids.isEmpty()) {
				return new Claim(List.of(), more);
			}
			jdbc.sql("UPDATE webhook_delivery SET status = 'SENDING', lease_until = :lease WHERE delivery_id IN (:ids)")
				.param("lease", sql(leaseUntil))
				.param("ids", ids)
				.update();
			var rows = jdbc.sql("""
					SELECT d.delivery_id, d.subscription_id, s.url, d.event_id, d.event_time, d.body, d.content_type,
					d.rounds, d.attempts FROM webhook_delivery d
					JOIN webhook_subscription s ON s.subscription_id = d.subscription_id
					WHERE d.delivery_id IN (:ids) ORDER BY d.position""")
				.param("ids", ids)
				.query((rs, row) -> new ClaimedDelivery(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), instant(rs, 5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
						List.of()))
				.list();
			var signing = secrets.signing(rows.stream().map(ClaimedDelivery::subscriptionId).distinct().toList());
			return new Claim(rows.stream()
				.map(d -> new ClaimedDelivery(d.deliveryId(), d.subscriptionId(), d.url(), d.eventId(), d.eventTime(),
						d.body(), d.contentType(), d.rounds(), d.attempts(),
						signing.getOrDefault(d.subscriptionId(), List.of())))
				.toList(), more);
		});
	}

	/**
	 * Puts back the deliveries whose claimant's lease ran out (it died, or stalled): they
	 * are sent again, at least once.
	 */
	int releaseExpiredLeases(Instant now) {
		return jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, lease_until = NULL
				WHERE status = 'SENDING' AND lease_until <= :now""").param("now", sql(now)).update();
	}

	/**
	 * @param more the query found as many due rows as it asked for: claim again at once
	 */
	record Claim(List<ClaimedDelivery> deliveries, boolean more) {
	}

	/**
	 * Records finished rounds in one transaction: their attempts, the delivery's new
	 * state, and each subscription's run of dead letters.
	 * @param next when each retried delivery is due again, by delivery id
	 * @return the subscriptions' runs of consecutive dead letters after this batch, for
	 * those that had one
	 */
	Map<String, Integer> complete(List<Outcome> outcomes, Map<String, Instant> next, Instant now) {
		return transactions.execute(tx -> {
			// A subscription deleted meanwhile took its deliveries along; their outcomes
			// are dropped. The rest are locked, so that no delete takes them until this
			// commits.
			var present = new HashSet<>(
					jdbc.sql("SELECT delivery_id FROM webhook_delivery WHERE delivery_id IN (:ids) FOR UPDATE")
						.param("ids", outcomes.stream().map(o -> o.delivery().deliveryId()).toList())
						.query(String.class)
						.list());
			var attempts = new ArrayList<Object[]>();
			var updates = new ArrayList<Object[]>();
			var succeeded = new LinkedHashMap<String, Boolean>();
			var deadBySubscription = new LinkedHashMap<String, Integer>();
			for (var outcome : outcomes) {
				var delivery = outcome.delivery();
				if (!present.contains(delivery.deliveryId())) {
					continue;
				}
				var number = delivery.attempts();
				for (var attempt : outcome.attempts()) {
					attempts.add(new Object[] { delivery.deliveryId(), ++number, sql(attempt.startedAt()),
							attempt.duration().toMillis(), attempt.statusCode(), attempt.error(),
							attempt.responseExcerpt() });
				}
				var last = outcome.last();
				var retryAt = next.get(delivery.deliveryId());
				String status;
				int rounds = delivery.rounds();
				switch (outcome.verdict()) {
					case DELIVERED -> {
						status = DELIVERED;
						succeeded.put(delivery.subscriptionId(), true);
					}
					case NOT_SENT -> status = PENDING;
					default -> {
						if (retryAt != null) {
							status = PENDING;
							rounds++;
						}
						else {
							status = DEAD;
							deadBySubscription.merge(delivery.subscriptionId(), 1, Integer::sum);
						}
					}
				}
				var finished = status.equals(DELIVERED) || status.equals(DEAD);
				updates.add(new Object[] { status, rounds, number, sql(retryAt != null ? retryAt : now),
						finished ? sql(now) : null, last == null ? null : last.statusCode(),
						last == null ? null : last.error(), delivery.deliveryId() });
			}
			if (!attempts.isEmpty()) {
				// A delivery replayed while in flight is sent twice at once; both rounds
				// number their attempts alike, and the later record is dropped.
				template.batchUpdate("""
						INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error,
						response_excerpt) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", attempts);
			}
			if (!updates.isEmpty()) {
				template.batchUpdate("""
						UPDATE webhook_delivery SET status = ?, rounds = ?, attempts = ?, next_attempt_at = ?,
						completed_at = ?, last_status_code = ?, last_error = ?, lease_until = NULL
						WHERE delivery_id = ? AND status = 'SENDING'""", updates);
			}
			succeeded.keySet().removeIf(deadBySubscription::containsKey);
			if (!succeeded.isEmpty()) {
				jdbc.sql("""
						UPDATE webhook_subscription SET consecutive_failures = 0
						WHERE subscription_id IN (:ids) AND consecutive_failures > 0""")
					.param("ids", succeeded.keySet())
					.update();
			}
			var runs = new HashMap<String, Integer>();
			deadBySubscription.forEach((subscription, dead) -> {
				jdbc.sql("""
						UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + ?
						WHERE subscription_id = ?""").params(dead, subscription).update();
				jdbc.sql("SELECT consecutive_failures FROM webhook_subscription WHERE subscription_id = ?")
					.param(subscription)
					.query(Integer.class)
					.optional()
					.ifPresent(run -> runs.put(subscription, run));
			});
			return runs;
		});
	}

	/** Dead-lettered deliveries waiting for an explicit retry. */
	long deadLetters() {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DEAD'").query(Long.class).single();
	}

	static OffsetDateTime sql(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/**
	 * {@code IN ()} is not SQL: an empty list stands for a value that matches nothing.
	 */
	private static <T> Collection<T> nonEmpty(Collection<T> values, T placeholder) {
		return values.isEmpty() ? List.of(placeholder) : values;
	}

}
