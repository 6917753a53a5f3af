package dev.eventplatform.events.order;

import dev.eventplatform.events.EventType;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An order was placed; {@code total} is the sum of the lines' subtotals. */
@Revision("1")
@EventType(name = "order.created", version = 1)
public record OrderCreatedEvent(String orderId, String customerId, String currency, List<OrderLine> lines,
		BigDecimal total) {

	public OrderCreatedEvent {
		lines = List.copyOf(lines);
	}

}
