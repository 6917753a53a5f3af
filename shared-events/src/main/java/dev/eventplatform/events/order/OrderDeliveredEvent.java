package dev.eventplatform.events.order;

import dev.eventplatform.events.EventType;
import org.axonframework.serialization.Revision;

/** A shipped order reached the customer; the order is closed. */
@Revision("1")
@EventType(name = "order.delivered", version = 1)
public record OrderDeliveredEvent(String orderId) {
}
