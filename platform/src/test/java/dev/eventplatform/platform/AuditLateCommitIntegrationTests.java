package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderLine;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The event store hands out global indexes at insert time, so an event can become visible after
 * events with higher indexes. Keyset paging must neither skip it nor stall forever on an index
 * whose insert rolled back. The late transaction here is held open on a connection of its own;
 * {@code CommittedHorizonIntegrationTests} holds one open longer than any timeout.
 */
@PlatformIntegrationTest
class AuditLateCommitIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer serializer;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
	}

	@Test
	void anEventThatCommitsLateIsNotSkippedByTheCursor() throws Exception {
		var cursor = readToTheEnd(null).next();
		var lateOrder = UUID.randomUUID().toString();

		try (var late = dataSource.getConnection()) {
			late.setAutoCommit(false);
			insertCreatedEvent(late, lateOrder);
			var onTime = api.createOrder();

			// The committed later event must wait: the cursor would otherwise move past the late one.
			var whileInFlight = readToTheEnd(cursor);
			assertThat(whileInFlight.subjects()).doesNotContain(onTime, lateOrder);

			late.commit();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(readToTheEnd(cursor).subjects()).containsSubsequence(lateOrder, onTime));
		}
	}

	@Test
	void anIndexWhoseInsertRolledBackHoldsTheCursorOnlyUntilTheRollback() throws Exception {
		var cursor = readToTheEnd(null).next();
		String onTime;
		try (var rolledBack = dataSource.getConnection()) {
			rolledBack.setAutoCommit(false);
			insertCreatedEvent(rolledBack, UUID.randomUUID().toString());
			onTime = api.createOrder();
			rolledBack.rollback();
		}

		// PostgreSQL's horizon is exact: no settle timeout to wait for.
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(readToTheEnd(cursor).subjects()).contains(onTime));
	}

	private void insertCreatedEvent(Connection connection, String orderId) throws Exception {
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

	/** Follows the cursor until the log has nothing more, collecting the subjects in order. */
	@SuppressWarnings("unchecked")
	private Pages readToTheEnd(String after) {
		var subjects = new ArrayList<String>();
		var cursor = after;
		while (true) {
			var page = api.get("/audit/events?limit=50" + (cursor == null ? "" : "&after=" + cursor), TestApiKeys.AUDIT)
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			((List<Map<String, Object>>) page.get("events")).forEach(event -> subjects.add((String) event.get("subject")));
			cursor = (String) page.get("next");
			if (!(Boolean) page.get("hasMore")) {
				return new Pages(subjects, cursor);
			}
		}
	}

	private record Pages(List<String> subjects, String next) {
	}

}
