package dev.eventplatform.query.order;

import java.math.BigDecimal;

/** One line of an {@link OrderSummary}. */
public record OrderSummaryLine(String sku, int quantity, BigDecimal unitPrice) {
}
