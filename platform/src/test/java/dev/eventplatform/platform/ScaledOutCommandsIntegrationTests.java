package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two platform nodes on one PostgreSQL database. Each node serialises the commands on one
 * order with its aggregate lock, so only commands that arrive at different nodes race in
 * the database, where the unique (aggregate, sequence) key lets one append win.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaledOutCommandsIntegrationTests {

	/** Commands here wait for a table lock on purpose. */
	private static final Duration BLOCKED_COMMAND_TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	SecondNode secondNode;

	OrderApi first;

	OrderApi second;

	@BeforeAll
	void startTheSecondNode(@Autowired ApplicationContext context) {
		secondNode = SecondNode.besides(context);
		first = new OrderApi(client.mutate().responseTimeout(BLOCKED_COMMAND_TIMEOUT).build());
		second = new OrderApi(secondNode.client());
	}

	@AfterAll
	void stopTheSecondNode() {
		secondNode.close();
	}

	/**
	 * Both nodes load the order at version 0 and append version 1, held at the insert by
	 * a table lock until both are there: the database refuses one append, and its node
	 * answers a version conflict. No {@code If-Match} is sent, so no precondition and no
	 * order rule can refuse the loser first; only the unique key can.
	 */
	@Test
	void twoNodesAppendingTheSameVersionLeaveOneWinnerAndAVersionConflict() throws SQLException {
		var orderId = second.createOrder();
		List<CompletableFuture<OrderApi.Answer>> payments;
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				// Blocks inserts, not reads: both commands load the order and apply their
				// event.
				statement.execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
			}
			payments = List.of(pay(first, orderId), pay(second, orderId));
			await().atMost(Duration.ofSeconds(20)).until(this::appendsWaitingForTheLock, waiting -> waiting == 2);
			connection.rollback();
		}

		assertThat(payments.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(OrderApi.Answer.OK,
				new OrderApi.Answer(409, "VERSION_CONFLICT"));
		assertThat(storedEvents(orderId)).containsExactly("dev.eventplatform.events.order.OrderCreatedEvent",
				"dev.eventplatform.events.order.OrderPaymentReceivedEvent");
	}

	/**
	 * Issue 7's case: 20 concurrent payments "only if still at version 0", spread over
	 * two nodes. Each node serialises its own on the aggregate lock, and the nodes race
	 * at the append; every loser learns that its precondition failed (412), none is told
	 * the order is already paid.
	 */
	@Test
	void concurrentConditionalPaymentsOnTwoNodesLeaveOneWinnerAndPreconditionFailures() {
		var orderId = first.createOrder();
		var payments = IntStream.range(0, 20)
			.mapToObj(i -> pay(i % 2 == 0 ? first : second, orderId, HttpHeaders.IF_MATCH, "\"0\""))
			.toList();

		assertThat(payments.stream().map(CompletableFuture::join)).containsOnlyOnce(OrderApi.Answer.OK)
			.filteredOn(answer -> !answer.equals(OrderApi.Answer.OK))
			.hasSize(19)
			.containsOnly(new OrderApi.Answer(412, "PRECONDITION_FAILED"));
		assertThat(storedEvents(orderId)).containsExactly("dev.eventplatform.events.order.OrderCreatedEvent",
				"dev.eventplatform.events.order.OrderPaymentReceivedEvent");
	}

	private static CompletableFuture<OrderApi.Answer> pay(OrderApi node, String orderId, String... headers) {
		return CompletableFuture.supplyAsync(() -> OrderApi
			.answer(node.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00"), headers)));
	}

	private long appendsWaitingForTheLock() {
		// pg_locks spans every database of the server, and relation ids repeat across
		// databases.
		return jdbc.sql("""
				SELECT COUNT(*) FROM pg_locks WHERE relation = 'domain_event_entry'::regclass AND NOT granted
				AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
			.query(Long.class)
			.single();
	}

	private List<String> storedEvents(String orderId) {
		return jdbc
			.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
			.param(orderId)
			.query(String.class)
			.list();
	}

}
