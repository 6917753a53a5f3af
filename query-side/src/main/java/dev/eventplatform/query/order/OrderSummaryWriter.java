package dev.eventplatform.query.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Collects the read-model writes of one processor batch and sends them as three JDBC batches when
 * the batch commits, in the same transaction as the processor's token. One statement per event
 * could not keep up with the command side (measured with the bench harness); batches can.
 * Every write is idempotent: inserts skip existing rows, and a transition only applies to an older
 * version, so a redelivered batch changes nothing.
 */
@Component
class OrderSummaryWriter {

	private static final String PENDING = OrderSummaryWriter.class.getName() + ".pending";

	private final JdbcTemplate jdbc;

	private final OrderSummaryRepository orders;

	OrderSummaryWriter(JdbcTemplate jdbc, OrderSummaryRepository orders) {
		this.jdbc = jdbc;
		this.orders = orders;
	}

	void insert(OrderSummary order) {
		pending().inserts.add(order);
	}

	/** Moves an order to {@code status} at {@code version}; null details keep their current value. */
	void transition(String orderId, OrderSummaryStatus status, long version, Instant at, String carrier,
			String trackingNumber, String cancellationReason) {
		pending().transitions
			.add(new Transition(orderId, status, version, at, carrier, trackingNumber, cancellationReason));
	}

	private Pending pending() {
		var batch = CurrentUnitOfWork.get().root();
		return batch.getOrComputeResource(PENDING, key -> {
			var pending = new Pending();
			batch.onPrepareCommit(unitOfWork -> flush(pending));
			return pending;
		});
	}

	private void flush(Pending pending) {
		jdbc.batchUpdate("""
				INSERT INTO order_summary (order_id, customer_id, currency, total, status, version, created_at, updated_at)
				SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM order_summary WHERE order_id = ?)""",
				pending.inserts, pending.inserts.size(),
				(ps, order) -> {
					ps.setString(1, order.orderId());
					ps.setString(2, order.customerId());
					ps.setString(3, order.currency());
					ps.setBigDecimal(4, order.total());
					ps.setString(5, order.status().name());
					ps.setLong(6, order.version());
					ps.setTimestamp(7, Timestamp.from(order.createdAt()));
					ps.setTimestamp(8, Timestamp.from(order.updatedAt()));
					ps.setString(9, order.orderId());
				});
		var lines = new ArrayList<Object[]>();
		for (var order : pending.inserts) {
			for (int i = 0; i < order.lines().size(); i++) {
				var line = order.lines().get(i);
				lines.add(new Object[] { order.orderId(), i, line.sku(), line.quantity(), line.unitPrice(), order.orderId(),
						i });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO order_summary_line (order_summary, order_summary_key, sku, quantity, unit_price)
				SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS
				    (SELECT 1 FROM order_summary_line WHERE order_summary = ? AND order_summary_key = ?)""", lines);
		// In event order: several transitions of one order may share a batch.
		var updated = jdbc.batchUpdate("""
				UPDATE order_summary SET status = ?, version = ?, updated_at = ?,
				    carrier = COALESCE(?, carrier), tracking_number = COALESCE(?, tracking_number),
				    cancellation_reason = COALESCE(?, cancellation_reason)
				WHERE order_id = ? AND version < ?""", pending.transitions, pending.transitions.size(), (ps, t) -> {
			ps.setString(1, t.status().name());
			ps.setLong(2, t.version());
			ps.setTimestamp(3, Timestamp.from(t.at()));
			ps.setString(4, t.carrier());
			ps.setString(5, t.trackingNumber());
			ps.setString(6, t.cancellationReason());
			ps.setString(7, t.orderId());
			ps.setLong(8, t.version());
		});
		requireApplied(pending.transitions, updated);
	}

	/**
	 * A transition that changed no row was either applied before, or its order is missing, which
	 * means the read model is broken. Failing stops the segment (the error handler propagates)
	 * instead of silently skipping the event.
	 */
	private void requireApplied(List<Transition> transitions, int[][] updated) {
		int index = 0;
		for (var counts : updated) {
			for (var count : counts) {
				var transition = transitions.get(index++);
				if (count == 0 && orders.versionOf(transition.orderId()) == null) {
					throw new IllegalStateException("Order " + transition.orderId()
							+ " is missing from the read model at version " + transition.version());
				}
			}
		}
	}

	private static final class Pending {

		private final List<OrderSummary> inserts = new ArrayList<>();

		private final List<Transition> transitions = new ArrayList<>();

	}

	private record Transition(String orderId, OrderSummaryStatus status, long version, Instant at, String carrier,
			String trackingNumber, String cancellationReason) {
	}

}
