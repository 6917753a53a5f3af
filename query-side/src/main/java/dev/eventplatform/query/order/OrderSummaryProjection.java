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
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link OrderSummary} in step with the order events. Its writes share the transaction of
 * the processor's token update, and an event at or below the stored version changes nothing, so a
 * redelivered event is harmless.
 */
@Component
@ProcessingGroup(OrderSummaryProjection.PROCESSING_GROUP)
class OrderSummaryProjection {

	static final String PROCESSING_GROUP = "order-summary";

	private final JdbcAggregateTemplate template;

	private final OrderSummaryRepository orders;

	OrderSummaryProjection(JdbcAggregateTemplate template, OrderSummaryRepository orders) {
		this.template = template;
		this.orders = orders;
	}

	@EventHandler
	void on(OrderCreatedEvent event, @Timestamp Instant at) {
		if (orders.versionOf(event.orderId()) != null) {
			return;
		}
		var lines = event.lines().stream().map(l -> new OrderSummaryLine(l.sku(), l.quantity(), l.unitPrice())).toList();
		template.insert(new OrderSummary(event.orderId(), event.customerId(), event.currency(), event.total(),
				OrderSummaryStatus.CREATED, 0, null, null, null, at, at, lines));
	}

	@EventHandler
	void on(OrderPaymentReceivedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		applied(event.orderId(), version, orders.transition(event.orderId(), OrderSummaryStatus.PAID.name(), version, at));
	}

	@EventHandler
	void on(OrderShippedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		applied(event.orderId(), version,
				orders.ship(event.orderId(), event.carrier(), event.trackingNumber(), version, at));
	}

	@EventHandler
	void on(OrderDeliveredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		applied(event.orderId(), version,
				orders.transition(event.orderId(), OrderSummaryStatus.DELIVERED.name(), version, at));
	}

	@EventHandler
	void on(OrderCancelledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
		applied(event.orderId(), version, orders.cancel(event.orderId(), event.reason(), version, at));
	}

	/** A replay rebuilds the read model from scratch. */
	@ResetHandler
	void reset() {
		template.deleteAll(OrderSummary.class);
	}

	/**
	 * No row changed: either the event was already applied, or the order is missing, which means
	 * the read model is broken. Failing stops the segment (the error handler propagates) instead of
	 * silently skipping the event.
	 */
	private void applied(String orderId, long version, int updated) {
		if (updated == 0 && orders.versionOf(orderId) == null) {
			throw new IllegalStateException("Order " + orderId + " is missing from the read model at version " + version);
		}
	}

}
