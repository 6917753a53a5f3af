package dev.eventplatform.events.order;

import dev.eventplatform.events.EventType;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** The order's total was paid in full. */
@Revision("1")
@EventType(name = "order.payment_received", version = 1)
public record OrderPaymentReceivedEvent(String orderId, BigDecimal amount, String currency) {
}
