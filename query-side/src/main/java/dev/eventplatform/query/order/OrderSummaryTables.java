package dev.eventplatform.query.order;

import dev.eventplatform.infrastructure.projection.ReadModelSlots.Slot;

/**
 * The tables of one set of the orders read model ({@code V3_1} blue, {@code V3_2} green).
 */
record OrderSummaryTables(String summary, String lines) {

	private static final OrderSummaryTables BLUE = new OrderSummaryTables("order_summary", "order_summary_line");

	private static final OrderSummaryTables GREEN = new OrderSummaryTables("order_summary_green",
			"order_summary_line_green");

	static OrderSummaryTables of(Slot slot) {
		return slot == Slot.BLUE ? BLUE : GREEN;
	}

}
