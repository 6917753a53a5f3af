package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The event store hands out global indexes at insert time, so an event can become visible
 * after events with higher indexes. Keyset paging must neither skip it nor stall forever
 * on an index whose insert rolled back. The late transaction here is held open on a
 * connection of its own; {@code CommittedHorizonIntegrationTests} holds one open longer
 * than any timeout.
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
			new LateCommits(serializer).insertCreatedEvent(late, lateOrder);
			var onTime = api.createOrder();

			// The committed later event must wait: the cursor would otherwise move past
			// the late one.
			var whileInFlight = readToTheEnd(cursor);
			assertThat(whileInFlight.subjects()).doesNotContain(onTime, lateOrder);

			late.commit();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(readToTheEnd(cursor).subjects()).containsSubsequence(lateOrder, onTime));
		}
	}

	@Test
	void anIndexWhoseInsertRolledBackHoldsTheCursorOnlyUntilTheRollback() throws Exception {
		var cursor = readToTheEnd(null).next();
		String onTime;
		try (var rolledBack = dataSource.getConnection()) {
			rolledBack.setAutoCommit(false);
			new LateCommits(serializer).insertCreatedEvent(rolledBack, UUID.randomUUID().toString());
			onTime = api.createOrder();
			rolledBack.rollback();
		}

		// PostgreSQL's horizon is exact: no settle timeout to wait for.
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(readToTheEnd(cursor).subjects()).contains(onTime));
	}

	/**
	 * Follows the cursor until the log has nothing more, collecting the subjects in
	 * order.
	 */
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
			((List<Map<String, Object>>) page.get("events"))
				.forEach(event -> subjects.add((String) event.get("subject")));
			cursor = (String) page.get("next");
			if (!(Boolean) page.get("hasMore")) {
				return new Pages(subjects, cursor);
			}
		}
	}

	private record Pages(List<String> subjects, String next) {
	}

}
