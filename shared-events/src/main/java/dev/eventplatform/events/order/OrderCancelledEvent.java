package dev.eventplatform.events.order;

import dev.eventplatform.events.EventType;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * An order was cancelled before shipping; the order is closed.
 *
 * @param refundAmount what must be paid back: the amount received, zero if none was
 */
@Revision("1")
@EventType(name = "order.cancelled", version = 1)
public record OrderCancelledEvent(String orderId, String reason, BigDecimal refundAmount, String currency) {
}
