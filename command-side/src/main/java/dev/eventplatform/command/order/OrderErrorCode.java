package dev.eventplatform.command.order;

import dev.eventplatform.infrastructure.web.ErrorCode;

/**
 * Every rule the order aggregate enforces, one code each. Invalid input is 422; a command
 * that the order's current state does not allow is 409.
 */
public enum OrderErrorCode implements ErrorCode {

	INVALID_ORDER(422, "Invalid order"), ORDER_ALREADY_PAID(409, "Order already paid"),
	PAYMENT_AMOUNT_MISMATCH(422, "Payment amount does not match the order total"),
	PAYMENT_CURRENCY_MISMATCH(422, "Payment currency does not match the order currency"),
	ORDER_NOT_PAID(409, "Order not paid"), ORDER_ALREADY_SHIPPED(409, "Order already shipped"),
	ORDER_NOT_SHIPPED(409, "Order not shipped"), ORDER_CLOSED(409, "Order closed");

	private final int status;

	private final String title;

	OrderErrorCode(int status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public String title() {
		return title;
	}

	@Override
	public int status() {
		return status;
	}

}
