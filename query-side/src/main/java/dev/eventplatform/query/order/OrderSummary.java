package dev.eventplatform.query.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * The orders read model: one row per order with its lines.
 *
 * @param version the order's version (sequence of its last event), equal to the command
 * side's ETag
 */
public record OrderSummary(@Id String orderId, String customerId, String currency, BigDecimal total,
		OrderSummaryStatus status, long version, String carrier, String trackingNumber, String cancellationReason,
		Instant createdAt, Instant updatedAt, @MappedCollection List<OrderSummaryLine> lines) {

}
