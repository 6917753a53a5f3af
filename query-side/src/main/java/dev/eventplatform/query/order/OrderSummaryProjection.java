package dev.eventplatform.query.order;

import dev.eventplatform.events.order.OrderCancelledEvent;
import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderDeliveredEvent;
import dev.eventplatform.events.order.OrderPaymentReceivedEvent;
import dev.eventplatform.events.order.OrderShippedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link OrderSummary} in step with the order events. The writes of a processor
 * batch go to the database together with the batch's token (see
 * {@link OrderSummaryWriter}).
 */
@Component
@ProcessingGroup(OrderSummaryProjection.PROCESSING_GROUP)
class OrderSummaryProjection {

	static final String PROCESSING_GROUP = "order-summary";

	private final OrderSummaryWriter writer;

	OrderSummaryProjection(OrderSummaryWriter writer) {
		this.writer = writer;
	}

	@EventHandler
	void on(OrderCreatedEvent event, @Timestamp Instant at) {
		var lines = event.lines()
			.stream()
			.map(l -> new OrderSummaryLine(l.sku(), l.quantity(), l.unitPrice()))
			.toList();
		writer.insert(new OrderSummary(event.orderId(), event.customerId(), event.currency(), event.total(),
				OrderSummaryStatus.CREATED, 0, null, null, null, at, at, lines));
	}

	@EventHandler
	void on(OrderPaymentReceivedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		writer.transition(event.orderId(), OrderSummaryStatus.PAID, version, at, null, null, null);
	}

	@EventHandler
	void on(OrderShippedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		writer.transition(event.orderId(), OrderSummaryStatus.SHIPPED, version, at, event.carrier(),
				event.trackingNumber(), null);
	}

	@EventHandler
	void on(OrderDeliveredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		writer.transition(event.orderId(), OrderSummaryStatus.DELIVERED, version, at, null, null, null);
	}

	@EventHandler
	void on(OrderCancelledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		writer.transition(event.orderId(), OrderSummaryStatus.CANCELLED, version, at, null, null, event.reason());
	}

	/**
	 * A replay rebuilds the read model from scratch, into the tables that do not answer
	 * reads meanwhile.
	 */
	@ResetHandler
	void reset() {
		writer.rebuild();
	}

}
