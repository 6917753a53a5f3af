package dev.eventplatform.platform;

import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderLine;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

/**
 * Appends an event on a connection of the test's own, inserting as Axon's JDBC store
 * does, so that the test decides when its transaction commits or rolls back.
 */
record LateCommits(Serializer serializer) {

	void insertCreatedEvent(Connection connection, String orderId) throws SQLException {
		var payload = serializer.serialize(new OrderCreatedEvent(orderId, "late-customer", "EUR",
				List.of(new OrderLine("SKU-L", 1, BigDecimal.ONE)), BigDecimal.ONE), byte[].class);
		var metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
		try (var insert = connection.prepareStatement("""
				INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
				    time_stamp, payload_type, payload_revision, payload, meta_data)
				VALUES (?, ?, 0, 'Order', ?, ?, ?, ?, ?)""")) {
			insert.setString(1, UUID.randomUUID().toString());
			insert.setString(2, orderId);
			insert.setString(3, DateTimeUtils.formatInstant(Instant.now()));
			insert.setString(4, payload.getType().getName());
			insert.setString(5, payload.getType().getRevision());
			insert.setBytes(6, payload.getData());
			insert.setBytes(7, metaData.getData());
			insert.executeUpdate();
		}
	}

}
