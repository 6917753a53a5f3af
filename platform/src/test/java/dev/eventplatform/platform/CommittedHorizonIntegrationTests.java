package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.eventlog.EventLogQuery;
import dev.eventplatform.infrastructure.eventlog.EventLogReader;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The exact horizon on PostgreSQL (issue 6, item 2): an event whose transaction stays
 * open longer than any timeout (8 s, beyond the former 5 s settle timeout) holds every
 * reader that pages from before it, and is found once it commits; a rolled-back one holds
 * them only until the rollback. The late transaction runs on a connection of its own,
 * inserting as Axon does.
 */
@PlatformIntegrationTest
class CommittedHorizonIntegrationTests {

	private static final Duration HELD_OPEN = Duration.ofSeconds(8);

	@Autowired
	WebTestClient client;

	@Autowired
	DataSource dataSource;

	@Autowired
	EventLogReader reader;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer serializer;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
	}

	@Test
	void anEventHeldOpenLongerThanAnyTimeoutIsFoundByAReaderThatPagedFromBeforeIt() throws Exception {
		long start = readToTheEnd(0).next();
		var lateOrder = UUID.randomUUID().toString();
		try (var late = dataSource.getConnection()) {
			late.setAutoCommit(false);
			new LateCommits(serializer).insertCreatedEvent(late, lateOrder);
			var onTime = api.createOrder();

			var held = positionOf(late, lateOrder);
			await().during(HELD_OPEN)
				.atMost(HELD_OPEN.plusSeconds(10))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> {
					var whileInFlight = readToTheEnd(start);
					assertThat(whileInFlight.subjects()).doesNotContain(onTime, lateOrder);
					assertThat(whileInFlight.next()).as("no reader moves past the open transaction's position")
						.isLessThan(held);
				});

			late.commit();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(readToTheEnd(start).subjects()).containsSubsequence(lateOrder, onTime));
		}
	}

	@Test
	void readersMoveOnAsSoonAsAHeldPositionRollsBack() throws Exception {
		long start = readToTheEnd(0).next();
		String onTime;
		try (var rolledBack = dataSource.getConnection()) {
			rolledBack.setAutoCommit(false);
			new LateCommits(serializer).insertCreatedEvent(rolledBack, UUID.randomUUID().toString());
			onTime = api.createOrder();
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(readToTheEnd(start).subjects()).doesNotContain(onTime));
			rolledBack.rollback();
		}
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(readToTheEnd(start).subjects()).contains(onTime));
	}

	private long positionOf(Connection connection, String orderId) throws Exception {
		try (var query = connection
			.prepareStatement("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?")) {
			query.setString(1, orderId);
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/**
	 * Follows the reader from {@code after} until it has nothing more, collecting
	 * subjects in order.
	 */
	private Pages readToTheEnd(long after) {
		var subjects = new ArrayList<String>();
		long position = after;
		while (true) {
			var page = reader.read(new EventLogQuery(position, null, null, null, null, 100)).block();
			page.events().forEach(event -> subjects.add(event.envelope().subject()));
			position = page.next();
			if (!page.hasMore()) {
				return new Pages(subjects, position);
			}
		}
	}

	private record Pages(List<String> subjects, long next) {
	}

}
