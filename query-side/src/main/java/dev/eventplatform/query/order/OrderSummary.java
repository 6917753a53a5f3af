package dev.eventplatform.query.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * The orders read model: one immutable row per order, replaced by each event's transition.
 *
 * @param version the order's version (sequence of its last event), equal to the command side's ETag
 */
public record OrderSummary(@Id String orderId, String customerId, String currency, BigDecimal total,
		OrderSummaryStatus status, long version, String carrier, String trackingNumber, String cancellationReason,
		Instant createdAt, Instant updatedAt, @MappedCollection List<OrderSummaryLine> lines) {

	OrderSummary paid(long version, Instant at) {
		return new OrderSummary(orderId, customerId, currency, total, OrderSummaryStatus.PAID, version, carrier,
				trackingNumber, cancellationReason, createdAt, at, lines);
	}

	OrderSummary shipped(String carrier, String trackingNumber, long version, Instant at) {
		return new OrderSummary(orderId, customerId, currency, total, OrderSummaryStatus.SHIPPED, version, carrier,
				trackingNumber, cancellationReason, createdAt, at, lines);
	}

	OrderSummary delivered(long version, Instant at) {
		return new OrderSummary(orderId, customerId, currency, total, OrderSummaryStatus.DELIVERED, version, carrier,
				trackingNumber, cancellationReason, createdAt, at, lines);
	}

	OrderSummary cancelled(String reason, long version, Instant at) {
		return new OrderSummary(orderId, customerId, currency, total, OrderSummaryStatus.CANCELLED, version, carrier,
				trackingNumber, reason, createdAt, at, lines);
	}

}
