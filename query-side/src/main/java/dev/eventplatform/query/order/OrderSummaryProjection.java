package dev.eventplatform.query.order;

import dev.eventplatform.events.order.OrderCancelledEvent;
import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderDeliveredEvent;
import dev.eventplatform.events.order.OrderPaymentReceivedEvent;
import dev.eventplatform.events.order.OrderShippedEvent;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link OrderSummary} in step with the order events. Its writes share the transaction of
 * the processor's token update, and an event at or below the stored version is ignored, so a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(OrderSummaryProjection.PROCESSING_GROUP)
class OrderSummaryProjection {

	static final String PROCESSING_GROUP = "order-summary";

	private final JdbcAggregateTemplate template;

	OrderSummaryProjection(JdbcAggregateTemplate template) {
		this.template = template;
	}

	@EventHandler
	void on(OrderCreatedEvent event, @Timestamp Instant at) {
		if (template.existsById(event.orderId(), OrderSummary.class)) {
			return;
		}
		var lines = event.lines().stream().map(l -> new OrderSummaryLine(l.sku(), l.quantity(), l.unitPrice())).toList();
		template.insert(new OrderSummary(event.orderId(), event.customerId(), event.currency(), event.total(),
				OrderSummaryStatus.CREATED, 0, null, null, null, at, at, lines));
	}

	@EventHandler
	void on(OrderPaymentReceivedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		update(event.orderId(), version, order -> order.paid(version, at));
	}

	@EventHandler
	void on(OrderShippedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		update(event.orderId(), version, order -> order.shipped(event.carrier(), event.trackingNumber(), version, at));
	}

	@EventHandler
	void on(OrderDeliveredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		update(event.orderId(), version, order -> order.delivered(version, at));
	}

	@EventHandler
	void on(OrderCancelledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		update(event.orderId(), version, order -> order.cancelled(event.reason(), version, at));
	}

	/** A replay rebuilds the read model from scratch. */
	@ResetHandler
	void reset() {
		template.deleteAll(OrderSummary.class);
	}

	private void update(String orderId, long version, UnaryOperator<OrderSummary> transition) {
		var order = template.findById(orderId, OrderSummary.class);
		if (order == null) {
			// The creation event is always handled first (same subject, same segment): a missing
			// row means the read model is broken, and skipping would hide it.
			throw new IllegalStateException("Order " + orderId + " is missing from the read model");
		}
		if (order.version() >= version) {
			return;
		}
		template.update(transition.apply(order));
	}

}
