package dev.eventplatform.query.order;

import dev.eventplatform.infrastructure.DatabaseKind;
import dev.eventplatform.infrastructure.projection.BatchedWrites;
import dev.eventplatform.infrastructure.projection.EventNotApplicableException;
import dev.eventplatform.infrastructure.projection.ReadModelSlots;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Writes the orders read model as three JDBC batches per processor batch, into the set of
 * tables being written ({@link ReadModelSlots}), in the same transaction as the
 * processor's token ({@link BatchedWrites}, which also singles out a poison event). Every
 * write is idempotent: an order already there is only brought forward to a newer version,
 * and a transition only applies to an older version, so a redelivered batch changes
 * nothing.
 */
@Component
class OrderSummaryWriter {

	private final JdbcTemplate jdbc;

	private final ReadModelSlots slots;

	private final BatchedWrites<Write> writes;

	private final boolean postgres;

	OrderSummaryWriter(JdbcTemplate jdbc, ReadModelSlots orderSummarySlots, PlatformTransactionManager transactions,
			DatabaseKind database) {
		this.jdbc = jdbc;
		this.postgres = database.postgreSql();
		this.slots = orderSummarySlots;
		this.writes = new BatchedWrites<>(OrderSummaryProjection.PROCESSING_GROUP, transactions, this::flush);
	}

	void insert(OrderSummary order) {
		writes.add(new Insert(order));
	}

	/**
	 * Moves an order to {@code status} at {@code version}; null details keep their
	 * current value.
	 */
	void transition(String orderId, OrderSummaryStatus status, long version, Instant at, String carrier,
			String trackingNumber, String cancellationReason) {
		writes.add(new Transition(orderId, status, version, at, carrier, trackingNumber, cancellationReason));
	}

	/**
	 * Empties the tables a rebuild is to fill, and starts the rebuild (see
	 * {@link ReadModelSlots}).
	 */
	void rebuild() {
		var tables = OrderSummaryTables.of(slots.rebuild());
		// TRUNCATE frees the space at once where the database has it for several tables
		// (PostgreSQL); no reader uses these tables meanwhile.
		if (postgres) {
			jdbc.update("TRUNCATE " + tables.lines() + ", " + tables.summary());
		}
		else {
			jdbc.update("DELETE FROM " + tables.lines());
			jdbc.update("DELETE FROM " + tables.summary());
		}
	}

	/**
	 * A transition of an order created in the same batch is folded into its insert: a
	 * rebuild, whose batches hold whole lifecycles, then writes one row per order instead
	 * of a row and an update per later event.
	 */
	private void flush(List<Write> batch) {
		var tables = OrderSummaryTables.of(slots.writing());
		var inserts = new LinkedHashMap<String, OrderSummary>();
		var transitions = new ArrayList<Transition>();
		for (var write : batch) {
			if (write instanceof Insert insert) {
				inserts.putIfAbsent(insert.order().orderId(), insert.order());
			}
			else if (write instanceof Transition transition) {
				var created = inserts.get(transition.orderId());
				if (created != null) {
					inserts.put(created.orderId(), transition.applyTo(created));
				}
				else {
					transitions.add(transition);
				}
			}
		}
		insert(tables, List.copyOf(inserts.values()));
		// In event order per order: several transitions of one order may share a batch.
		transition(tables, transitions);
	}

	/**
	 * Inserts the orders, or, for an order already there (a batch seen before), brings it
	 * to the inserted state when that is newer: the insert holds the order's whole
	 * history up to its version, folded. On PostgreSQL an {@code INSERT ... ON CONFLICT},
	 * which the driver sends batched as multi-row inserts ({@code reWriteBatchedInserts}
	 * in the {@code postgres} profile); elsewhere (H2) the standard {@code MERGE}.
	 */
	private void insert(OrderSummaryTables tables, List<OrderSummary> orders) {
		jdbc.batchUpdate(postgres ? """
				INSERT INTO %1$s AS o (order_id, customer_id, currency, total, status, version, carrier,
				    tracking_number, cancellation_reason, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
				    carrier = EXCLUDED.carrier, tracking_number = EXCLUDED.tracking_number,
				    cancellation_reason = EXCLUDED.cancellation_reason, updated_at = EXCLUDED.updated_at
				WHERE o.version < EXCLUDED.version""".formatted(tables.summary()) : """
				MERGE INTO %1$s o USING (VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)) AS n (order_id, customer_id,
				    currency, total, status, version, carrier, tracking_number, cancellation_reason, created_at,
				    updated_at) ON o.order_id = n.order_id
				WHEN MATCHED AND o.version < n.version THEN UPDATE SET status = n.status, version = n.version,
				    carrier = n.carrier, tracking_number = n.tracking_number,
				    cancellation_reason = n.cancellation_reason, updated_at = n.updated_at
				WHEN NOT MATCHED THEN INSERT (order_id, customer_id, currency, total, status, version, carrier,
				    tracking_number, cancellation_reason, created_at, updated_at) VALUES (n.order_id,
				    n.customer_id, n.currency, n.total, n.status, n.version, n.carrier, n.tracking_number,
				    n.cancellation_reason, n.created_at, n.updated_at)""".formatted(tables.summary()), orders,
				orders.size(), (ps, order) -> {
					ps.setString(1, order.orderId());
					ps.setString(2, order.customerId());
					ps.setString(3, order.currency());
					ps.setBigDecimal(4, order.total());
					ps.setString(5, order.status().name());
					ps.setLong(6, order.version());
					ps.setString(7, order.carrier());
					ps.setString(8, order.trackingNumber());
					ps.setString(9, order.cancellationReason());
					ps.setTimestamp(10, Timestamp.from(order.createdAt()));
					ps.setTimestamp(11, Timestamp.from(order.updatedAt()));
				});
		var lines = new ArrayList<Object[]>();
		for (var order : orders) {
			for (int i = 0; i < order.lines().size(); i++) {
				var line = order.lines().get(i);
				lines.add(new Object[] { order.orderId(), i, line.sku(), line.quantity(), line.unitPrice() });
			}
		}
		// An order's lines never change after its creation.
		jdbc.batchUpdate("INSERT INTO " + tables.lines()
				+ " (order_summary, order_summary_key, sku, quantity, unit_price) VALUES (?, ?, ?, ?, ?)"
				+ " ON CONFLICT DO NOTHING", lines);
	}

	private void transition(OrderSummaryTables tables, List<Transition> transitions) {
		var updated = jdbc.batchUpdate("UPDATE " + tables.summary() + """
				 SET status = ?, version = ?, updated_at = ?,
				    carrier = COALESCE(?, carrier), tracking_number = COALESCE(?, tracking_number),
				    cancellation_reason = COALESCE(?, cancellation_reason)
				WHERE order_id = ? AND version < ?""", transitions, transitions.size(), (ps, t) -> {
			ps.setString(1, t.status().name());
			ps.setLong(2, t.version());
			ps.setTimestamp(3, Timestamp.from(t.at()));
			ps.setString(4, t.carrier());
			ps.setString(5, t.trackingNumber());
			ps.setString(6, t.cancellationReason());
			ps.setString(7, t.orderId());
			ps.setLong(8, t.version());
		});
		requireApplied(tables, transitions, updated);
	}

	/**
	 * A transition that changed no row was either applied before, or its order is missing
	 * from the read model: then the event cannot be applied, and it is dead-lettered
	 * rather than skipped.
	 */
	private void requireApplied(OrderSummaryTables tables, List<Transition> transitions, int[][] updated) {
		int index = 0;
		for (var counts : updated) {
			for (var count : counts) {
				var transition = transitions.get(index++);
				if (count == 0 && jdbc
					.queryForList("SELECT 1 FROM " + tables.summary() + " WHERE order_id = ?", Integer.class,
							transition.orderId())
					.isEmpty()) {
					throw new EventNotApplicableException("Order " + transition.orderId()
							+ " is missing from the read model at version " + transition.version());
				}
			}
		}
	}

	private sealed interface Write permits Insert, Transition {

	}

	private record Insert(OrderSummary order) implements Write {
	}

	private record Transition(String orderId, OrderSummaryStatus status, long version, Instant at, String carrier,
			String trackingNumber, String cancellationReason) implements Write {

		/** What the guarded update would make of {@code order}. */
		OrderSummary applyTo(OrderSummary order) {
			if (version <= order.version()) {
				return order;
			}
			return new OrderSummary(order.orderId(), order.customerId(), order.currency(), order.total(), status,
					version, carrier != null ? carrier : order.carrier(),
					trackingNumber != null ? trackingNumber : order.trackingNumber(),
					cancellationReason != null ? cancellationReason : order.cancellationReason(), order.createdAt(), at,
					order.lines());
		}

	}

}
