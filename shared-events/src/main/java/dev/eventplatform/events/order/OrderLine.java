package dev.eventplatform.events.order;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku the product's stock-keeping unit
 * @param quantity how many units, at least 1
 * @param unitPrice price of one unit in the order's currency
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

	public BigDecimal subtotal() {
		return unitPrice.multiply(BigDecimal.valueOf(quantity));
	}

}
