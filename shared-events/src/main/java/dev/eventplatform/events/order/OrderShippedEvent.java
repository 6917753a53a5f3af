package dev.eventplatform.events.order;

import dev.eventplatform.events.EventType;
import org.axonframework.serialization.Revision;

/** A paid order left the warehouse. */
@Revision("1")
@EventType(name = "order.shipped", version = 1)
public record OrderShippedEvent(String orderId, String carrier, String trackingNumber) {
}
