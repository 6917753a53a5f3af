package dev.eventplatform.events.order;

import dev.eventplatform.events.EventContract;
import java.math.BigDecimal;
import java.util.List;

/** Every published order event version, with the example the catalogue shows. */
public final class OrderEventContracts {

	private static final String EXAMPLE_ID = "0b6f1f0e-3a8e-4c55-9d1c-6a1d2f7b9e01";

	public static final List<EventContract> ALL = List.of(
			EventContract.current(new OrderCreatedEvent(EXAMPLE_ID, "cust-42", "EUR",
					List.of(new OrderLine("SKU-1", 2, new BigDecimal("12.50"))), new BigDecimal("25.00"))),
			EventContract.current(new OrderPaymentReceivedEvent(EXAMPLE_ID, new BigDecimal("25.00"), "EUR")),
			EventContract.current(new OrderShippedEvent(EXAMPLE_ID, "DHL", "JD014600003828")),
			EventContract.current(new OrderDeliveredEvent(EXAMPLE_ID)),
			EventContract.current(new OrderCancelledEvent(EXAMPLE_ID, "customer request", BigDecimal.ZERO, "EUR")));

	private OrderEventContracts() {
	}

}
