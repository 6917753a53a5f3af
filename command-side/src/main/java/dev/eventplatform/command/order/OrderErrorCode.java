package dev.eventplatform.command.order;

/** Every rule the order aggregate enforces, one code each; the web layer maps them to statuses. */
public enum OrderErrorCode {

	INVALID_ORDER("Invalid order"),
	ORDER_ALREADY_PAID("Order already paid"),
	PAYMENT_AMOUNT_MISMATCH("Payment amount does not match the order total"),
	PAYMENT_CURRENCY_MISMATCH("Payment currency does not match the order currency"),
	ORDER_NOT_PAID("Order not paid"),
	ORDER_ALREADY_SHIPPED("Order already shipped"),
	ORDER_NOT_SHIPPED("Order not shipped"),
	ORDER_CLOSED("Order closed");

	private final String title;

	OrderErrorCode(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}

}
