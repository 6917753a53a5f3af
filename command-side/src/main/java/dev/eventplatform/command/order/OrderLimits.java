package dev.eventplatform.command.order;

import java.math.BigDecimal;

/**
 * The bounds of an order, shared by the request validation and the aggregate so that
 * every order the API accepts can be stored by the read model
 * ({@code order_summary.total NUMERIC(16, 2)},
 * {@code order_summary_line.unit_price NUMERIC(14, 2)}) and paid with one payment.
 */
public final class OrderLimits {

	public static final int MAX_LINES = 100;

	public static final int MAX_QUANTITY = 10_000;

	/** Digits before the decimal point of a unit price. */
	public static final int UNIT_PRICE_INTEGER_DIGITS = 12;

	/** Digits before the decimal point of an order total, and so of a payment. */
	public static final int TOTAL_INTEGER_DIGITS = 14;

	/**
	 * Money has cents: amounts with more fraction digits are refused rather than rounded.
	 */
	public static final int FRACTION_DIGITS = 2;

	/** The largest total an order may have: 99,999,999,999,999.99. */
	public static final BigDecimal MAX_TOTAL = BigDecimal.TEN.pow(TOTAL_INTEGER_DIGITS)
		.subtract(new BigDecimal("0.01"));

	private OrderLimits() {
	}

	/**
	 * Whether {@code amount} is positive and fits {@code integerDigits} digits before the
	 * point and cents after it.
	 */
	public static boolean isMoney(BigDecimal amount, int integerDigits) {
		return amount != null && amount.signum() > 0 && amount.scale() <= FRACTION_DIGITS
		// In long: with an exponent such as 1e2147483647 the int difference overflows.
				&& (long) amount.precision() - amount.scale() <= integerDigits;
	}

}
