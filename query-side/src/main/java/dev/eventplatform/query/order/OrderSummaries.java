package dev.eventplatform.query.order;

import dev.eventplatform.infrastructure.projection.ReadModelSlots;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the orders read model, from whichever set of tables answers (see
 * {@link ReadModelSlots}), each with the position the model reflects. Each read is one
 * snapshot (a read-only, repeatable-read transaction), so the position is exact for what
 * it returns. Blocking: call it off the event loop.
 */
@Component
public class OrderSummaries {

	private final JdbcClient jdbc;

	private final ReadModelSlots slots;

	private final TransactionTemplate snapshot;

	OrderSummaries(JdbcClient jdbc, ReadModelSlots orderSummarySlots, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.slots = orderSummarySlots;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	public AtPosition<Optional<OrderSummary>> find(String orderId) {
		return read(tables -> jdbc.sql("SELECT * FROM " + tables.summary() + " WHERE order_id = ?")
			.param(orderId)
			.query((rs, row) -> summary(rs))
			.optional()
			.map(order -> withLines(tables, List.of(order)).get(0)));
	}

	/**
	 * Newest first (then by id); each filter is optional.
	 * @return the page and the number of orders that match
	 */
	public AtPosition<OrderPage> find(OrderSummaryStatus status, String customerId, int page, int size) {
		var where = new StringBuilder(" WHERE 1 = 1");
		var params = new HashMap<String, Object>();
		if (status != null) {
			where.append(" AND status = :status");
			params.put("status", status.name());
		}
		if (customerId != null) {
			where.append(" AND customer_id = :customer");
			params.put("customer", customerId);
		}
		return read(tables -> {
			var total = jdbc.sql("SELECT COUNT(*) FROM " + tables.summary() + where)
				.params(params)
				.query(Long.class)
				.single();
			var orders = jdbc
				.sql("SELECT * FROM " + tables.summary() + where
						+ " ORDER BY created_at DESC, order_id LIMIT :limit OFFSET :offset")
				.params(params)
				.param("limit", size)
				.param("offset", (long) page * size)
				.query((rs, row) -> summary(rs))
				.list();
			return new OrderPage(withLines(tables, orders), total);
		});
	}

	private <T> AtPosition<T> read(Function<OrderSummaryTables, T> query) {
		return snapshot.execute(status -> {
			var answering = slots.answering();
			return new AtPosition<>(query.apply(OrderSummaryTables.of(answering.slot())), answering.position());
		});
	}

	private List<OrderSummary> withLines(OrderSummaryTables tables, List<OrderSummary> orders) {
		if (orders.isEmpty()) {
			return orders;
		}
		var lines = new HashMap<String, List<OrderSummaryLine>>();
		jdbc.sql("SELECT order_summary, sku, quantity, unit_price FROM " + tables.lines()
				+ " WHERE order_summary IN (:ids) ORDER BY order_summary, order_summary_key")
			.param("ids", orders.stream().map(OrderSummary::orderId).toList())
			.query(rs -> {
				lines.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
					.add(new OrderSummaryLine(rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)));
			});
		return orders.stream().map(order -> order.withLines(lines.getOrDefault(order.orderId(), List.of()))).toList();
	}

	private static OrderSummary summary(ResultSet rs) throws SQLException {
		return new OrderSummary(rs.getString("order_id"), rs.getString("customer_id"), rs.getString("currency"),
				rs.getBigDecimal("total"), OrderSummaryStatus.valueOf(rs.getString("status")), rs.getLong("version"),
				rs.getString("carrier"), rs.getString("tracking_number"), rs.getString("cancellation_reason"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), List.of());
	}

	/**
	 * @param position every event up to this position is reflected; -1 before the first
	 */
	public record AtPosition<T>(T value, long position) {
	}

	/** One page of orders and how many match in all. */
	public record OrderPage(List<OrderSummary> items, long total) {
	}

}
