package dev.eventplatform.query.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The orders read model: one row per order with its lines.
 *
 * @param version the order's version (sequence of its last event), equal to the command
 * side's ETag
 */
public record OrderSummary(String orderId, String customerId, String currency, BigDecimal total,
		OrderSummaryStatus status, long version, String carrier, String trackingNumber, String cancellationReason,
		Instant createdAt, Instant updatedAt, List<OrderSummaryLine> lines) {

	OrderSummary withLines(List<OrderSummaryLine> lines) {
		return new OrderSummary(orderId, customerId, currency, total, status, version, carrier, trackingNumber,
				cancellationReason, createdAt, updatedAt, lines);
	}

}
