package dev.eventplatform.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The orders read model's set of tables that answers reads now: a reset rebuilds into the
 * other set and switches (blue: {@code order_summary}, green:
 * {@code order_summary_green}). Tests that act on the tables directly ask here first.
 */
record ReadModelTables(String summary, String lines) {

	static ReadModelTables answering(JdbcClient jdbc) {
		var slot = jdbc.sql("SELECT active FROM read_model WHERE model = 'order-summary'").query(String.class).single();
		return "BLUE".equals(slot) ? new ReadModelTables("order_summary", "order_summary_line")
				: new ReadModelTables("order_summary_green", "order_summary_line_green");
	}

}
