package dev.eventplatform.command.order;

/** A command that the order's current state or its own rules do not allow; nothing was applied. */
public class OrderRuleViolation extends RuntimeException {

	private final OrderErrorCode code;

	OrderRuleViolation(OrderErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public OrderErrorCode code() {
		return code;
	}

}
