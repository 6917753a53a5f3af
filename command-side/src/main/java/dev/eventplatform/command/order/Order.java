package dev.eventplatform.command.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.eventplatform.command.ExpectedVersion;
import dev.eventplatform.command.order.OrderCommands.CancelOrderCommand;
import dev.eventplatform.command.order.OrderCommands.CreateOrderCommand;
import dev.eventplatform.command.order.OrderCommands.MarkOrderDeliveredCommand;
import dev.eventplatform.command.order.OrderCommands.RecordPaymentCommand;
import dev.eventplatform.command.order.OrderCommands.ShipOrderCommand;
import dev.eventplatform.events.order.OrderCancelledEvent;
import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderDeliveredEvent;
import dev.eventplatform.events.order.OrderLine;
import dev.eventplatform.events.order.OrderPaymentReceivedEvent;
import dev.eventplatform.events.order.OrderShippedEvent;
import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order's lifecycle: created, paid in full, shipped, delivered; cancellable until
 * shipped. Command handlers return the order's new version.
 */
@Aggregate
public class Order {

	@AggregateIdentifier
	private String orderId;

	private OrderStatus status;

	private String currency;

	private BigDecimal total;

	private BigDecimal paid = BigDecimal.ZERO;

	/** Required by Axon to rebuild the order from its events. */
	protected Order() {
	}

	@CommandHandler
	public Order(CreateOrderCommand command) {
		if (command.lines() == null || command.lines().isEmpty() || command.lines().size() > OrderLimits.MAX_LINES) {
			throw new OrderRuleViolation(OrderErrorCode.INVALID_ORDER,
					"An order needs 1 to " + OrderLimits.MAX_LINES + " lines.");
		}
		for (var line : command.lines()) {
			if (line.quantity() < 1 || line.quantity() > OrderLimits.MAX_QUANTITY
					|| !OrderLimits.isMoney(line.unitPrice(), OrderLimits.UNIT_PRICE_INTEGER_DIGITS)) {
				throw new OrderRuleViolation(OrderErrorCode.INVALID_ORDER,
						"Line '" + line.sku() + "' needs a quantity of 1 to " + OrderLimits.MAX_QUANTITY
								+ " and a positive unit price of at most " + OrderLimits.UNIT_PRICE_INTEGER_DIGITS
								+ " digits and " + OrderLimits.FRACTION_DIGITS + " decimals.");
			}
		}
		var total = command.lines().stream().map(OrderLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.compareTo(OrderLimits.MAX_TOTAL) > 0) {
			throw new OrderRuleViolation(OrderErrorCode.INVALID_ORDER, "The order total " + total.toPlainString()
					+ " exceeds the maximum of " + OrderLimits.MAX_TOTAL.toPlainString() + ".");
		}
		apply(new OrderCreatedEvent(command.orderId(), command.customerId(), command.currency(), command.lines(),
				total));
	}

	@CommandHandler
	public long handle(RecordPaymentCommand command) {
		ExpectedVersion.require(command.expectedVersion());
		requireOpen();
		if (status != OrderStatus.CREATED) {
			throw new OrderRuleViolation(OrderErrorCode.ORDER_ALREADY_PAID, "The order is already paid.");
		}
		if (!currency.equals(command.currency())) {
			throw new OrderRuleViolation(OrderErrorCode.PAYMENT_CURRENCY_MISMATCH,
					"The order is in " + currency + ", the payment in " + command.currency() + ".");
		}
		if (!OrderLimits.isMoney(command.amount(), OrderLimits.TOTAL_INTEGER_DIGITS)
				|| total.compareTo(command.amount()) != 0) {
			// toString, not toPlainString: an absurd exponent would not fit in a string.
			throw new OrderRuleViolation(OrderErrorCode.PAYMENT_AMOUNT_MISMATCH,
					"The order total is " + total.toPlainString() + ", the payment " + command.amount() + ".");
		}
		apply(new OrderPaymentReceivedEvent(orderId, command.amount(), currency));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	public long handle(ShipOrderCommand command) {
		ExpectedVersion.require(command.expectedVersion());
		requireOpen();
		if (status == OrderStatus.SHIPPED) {
			throw new OrderRuleViolation(OrderErrorCode.ORDER_ALREADY_SHIPPED, "The order is already shipped.");
		}
		if (status != OrderStatus.PAID) {
			throw new OrderRuleViolation(OrderErrorCode.ORDER_NOT_PAID, "An order ships only after payment.");
		}
		apply(new OrderShippedEvent(orderId, command.carrier(), command.trackingNumber()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	public long handle(MarkOrderDeliveredCommand command) {
		ExpectedVersion.require(command.expectedVersion());
		requireOpen();
		if (status != OrderStatus.SHIPPED) {
			throw new OrderRuleViolation(OrderErrorCode.ORDER_NOT_SHIPPED, "Only a shipped order can be delivered.");
		}
		apply(new OrderDeliveredEvent(orderId));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	public long handle(CancelOrderCommand command) {
		ExpectedVersion.require(command.expectedVersion());
		requireOpen();
		if (status == OrderStatus.SHIPPED) {
			throw new OrderRuleViolation(OrderErrorCode.ORDER_ALREADY_SHIPPED,
					"A shipped order can no longer be cancelled.");
		}
		apply(new OrderCancelledEvent(orderId, command.reason(), paid, currency));
		return AggregateLifecycle.getVersion();
	}

	private void requireOpen() {
		if (status.isClosed()) {
			throw new OrderRuleViolation(OrderErrorCode.ORDER_CLOSED,
					"The order is " + status.name().toLowerCase() + " and accepts no further changes.");
		}
	}

	@EventSourcingHandler
	void on(OrderCreatedEvent event) {
		orderId = event.orderId();
		currency = event.currency();
		total = event.total();
		status = OrderStatus.CREATED;
	}

	@EventSourcingHandler
	void on(OrderPaymentReceivedEvent event) {
		paid = event.amount();
		status = OrderStatus.PAID;
	}

	@EventSourcingHandler
	void on(OrderShippedEvent event) {
		status = OrderStatus.SHIPPED;
	}

	@EventSourcingHandler
	void on(OrderDeliveredEvent event) {
		status = OrderStatus.DELIVERED;
	}

	@EventSourcingHandler
	void on(OrderCancelledEvent event) {
		status = OrderStatus.CANCELLED;
	}

}
