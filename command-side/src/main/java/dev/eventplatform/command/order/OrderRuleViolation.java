package dev.eventplatform.command.order;

import dev.eventplatform.infrastructure.web.CodedException;

/**
 * A command that the order's current state or its own rules do not allow; nothing was
 * applied.
 */
public class OrderRuleViolation extends CodedException {

	OrderRuleViolation(OrderErrorCode code, String message) {
		super(code, message);
	}

	@Override
	public OrderErrorCode code() {
		return (OrderErrorCode) super.code();
	}

}
