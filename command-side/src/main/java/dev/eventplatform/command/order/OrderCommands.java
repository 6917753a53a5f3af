package dev.eventplatform.command.order;

import dev.eventplatform.events.order.OrderLine;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The order's commands. {@code expectedVersion} is optional: when set, the command only
 * applies if the order is still at that version; the handler checks it before any rule
 * ({@code ExpectedVersion}).
 */
public final class OrderCommands {

	private OrderCommands() {
	}

	public record CreateOrderCommand(@TargetAggregateIdentifier String orderId, String customerId, String currency,
			List<OrderLine> lines) {
	}

	public record RecordPaymentCommand(@TargetAggregateIdentifier String orderId,
			@TargetAggregateVersion Long expectedVersion, BigDecimal amount, String currency) {
	}

	public record ShipOrderCommand(@TargetAggregateIdentifier String orderId,
			@TargetAggregateVersion Long expectedVersion, String carrier, String trackingNumber) {
	}

	public record MarkOrderDeliveredCommand(@TargetAggregateIdentifier String orderId,
			@TargetAggregateVersion Long expectedVersion) {
	}

	public record CancelOrderCommand(@TargetAggregateIdentifier String orderId,
			@TargetAggregateVersion Long expectedVersion, String reason) {
	}

}
