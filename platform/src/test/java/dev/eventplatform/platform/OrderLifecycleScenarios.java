package dev.eventplatform.platform;

import static dev.eventplatform.platform.ProblemAssertions.expectStaleIfMatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderDeliveredEvent;
import dev.eventplatform.events.order.OrderPaymentReceivedEvent;
import dev.eventplatform.events.order.OrderShippedEvent;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full path: HTTP command, stored event, read model, audit log. Run on each database
 * the platform supports, by a subclass that chooses the test context.
 */
abstract class OrderLifecycleScenarios {

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
	}

	@Test
	void anOrderLivesThroughItsLifecycleIntoTheReadModelAndTheAuditLog() {
		var created = api.post("/orders", OrderApi.TWO_LINES)
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody(Map.class)
			.returnResult();
		var orderId = (String) created.getResponseBody().get("orderId");
		assertThat(created.getResponseHeaders().getLocation()).hasPath("/orders/" + orderId);

		api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00"), HttpHeaders.IF_MATCH, "\"0\"")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1);
		api.post("/orders/" + orderId + "/shipment", OrderApi.shipment()).expectStatus().isOk();
		api.post("/orders/" + orderId + "/delivery", Map.of(), HttpHeaders.IF_MATCH, "\"2\"")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"3\"");

		assertThat(eventStore.readEvents(orderId).asStream().map(event -> event.getMetaData().get("principal")))
			.containsExactly("test-command", "test-command", "test-command", "test-command");
		assertThat(storedEvents(orderId)).containsExactly(OrderCreatedEvent.class, OrderPaymentReceivedEvent.class,
				OrderShippedEvent.class, OrderDeliveredEvent.class);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> api.get("/orders/" + orderId, TestApiKeys.AUDIT)
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"3\"")
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("DELIVERED")
				.jsonPath("$.total")
				.isEqualTo(30.0)
				.jsonPath("$.carrier")
				.isEqualTo("DHL")
				.jsonPath("$.lines.length()")
				.isEqualTo(2));

		api.get("/audit/subjects/" + orderId + "/events", TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.events[*].eventType")
			.isEqualTo(List.of("order.created", "order.payment_received", "order.shipped", "order.delivered"))
			.jsonPath("$.events[*].sequence")
			.isEqualTo(List.of(0, 1, 2, 3))
			.jsonPath("$.events[0].subject")
			.isEqualTo(orderId)
			.jsonPath("$.events[0].source")
			.isEqualTo("event-platform")
			.jsonPath("$.events[0].data.total")
			.isEqualTo(30.0)
			.jsonPath("$.events[*].principal")
			.isEqualTo(List.of("test-command", "test-command", "test-command", "test-command"))
			.jsonPath("$.events[3].position")
			.value(Number.class, position -> assertThat(position.longValue()).isPositive());

		// Transactions still open elsewhere hold the audit log back until they finish.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> api.get("/audit/events?subject=" + orderId + "&type=order.shipped", TestApiKeys.AUDIT)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.events[*].eventType")
				.isEqualTo(List.of("order.shipped")));
	}

	/**
	 * The shipment is allowed by the order's rules, so only the stale version can refuse
	 * it.
	 */
	@Test
	void aStaleIfMatchIsRefusedAndAppendsNothing() {
		var orderId = api.createOrder();
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();

		expectStaleIfMatch(
				api.post("/orders/" + orderId + "/shipment", OrderApi.shipment(), HttpHeaders.IF_MATCH, "\"0\""));
		expectStaleIfMatch(
				api.post("/orders/" + orderId + "/shipment", OrderApi.shipment(), HttpHeaders.IF_MATCH, "\"7\""));
		// Paying again would break "pay once"; the precondition is checked first, so that
		// is not the answer.
		expectStaleIfMatch(
				api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00"), HttpHeaders.IF_MATCH, "\"0\""));
		// A new order has no version for If-Match to match.
		expectStaleIfMatch(api.post("/orders", OrderApi.TWO_LINES, HttpHeaders.IF_MATCH, "*"));

		assertThat(storedEvents(orderId)).hasSize(2);
	}

	@Test
	void aReadWhoseETagStillMatchesIsNotModified() {
		var orderId = api.createOrder();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> api.get("/orders/" + orderId, TestApiKeys.AUDIT).expectStatus().isOk());

		client.get()
			.uri("/orders/" + orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT)
			.header(HttpHeaders.IF_NONE_MATCH, "\"0\"")
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody()
			.isEmpty();
		api.get("/orders/" + orderId, TestApiKeys.AUDIT).expectStatus().isOk();
	}

	/**
	 * Another writer (here the test, bypassing this node's aggregate lock) holds the
	 * order's next event uncommitted while a command appends the same sequence: the
	 * command waits for the database, loses on the unique (aggregate, sequence) key once
	 * the other commits, and is answered as a version conflict. No {@code If-Match} is
	 * sent, and the payment is valid at the version the command read, so only the unique
	 * key can refuse it.
	 */
	@Test
	void aCommandThatLosesTheRaceForItsSequenceInTheDatabaseIsAVersionConflict() {
		var orderId = api.createOrder();
		var competitor = new GenericDomainEventMessage<>("Order", orderId, 1,
				new OrderPaymentReceivedEvent(orderId, new BigDecimal("30.00"), "EUR"));

		// This payment waits for the test's transaction, longer than an answer usually
		// takes.
		var patient = new OrderApi(client.mutate().responseTimeout(Duration.ofSeconds(30)).build());
		var payment = transactions.execute(status -> {
			eventStore.publish(competitor);
			var answer = CompletableFuture.supplyAsync(
					() -> OrderApi.answer(patient.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00"))));
			await().atMost(Duration.ofSeconds(20)).until(this::sessionsInsertingAnEvent, inserting -> inserting > 0);
			return answer;
		}).join();

		assertThat(payment).isEqualTo(new OrderApi.Answer(409, "VERSION_CONFLICT"));
		assertThat(eventStore.readEvents(orderId).asStream().skip(1).map(DomainEventMessage::getIdentifier))
			.containsExactly(competitor.getIdentifier());
	}

	/**
	 * What the command above runs into, at the event store: Axon's two duplicate-key
	 * exceptions.
	 */
	@Test
	void theEventStoreRefusesAnEventAtASequenceItAlreadyHas() {
		var orderId = api.createOrder();
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();

		assertThatExceptionOfType(ConcurrencyException.class).isThrownBy(() -> eventStore
			.publish(new GenericDomainEventMessage<>("Order", orderId, 1, new OrderShippedEvent(orderId, "DHL", "1"))));
		assertThatExceptionOfType(AggregateStreamCreationException.class).isThrownBy(() -> eventStore
			.publish(new GenericDomainEventMessage<>("Order", orderId, 0, new OrderShippedEvent(orderId, "DHL", "1"))));
		assertThat(storedEvents(orderId)).containsExactly(OrderCreatedEvent.class, OrderPaymentReceivedEvent.class);
	}

	@Test
	void lifecycleViolationsAreProblemsAndAppendNothing() {
		var orderId = api.createOrder();

		api.post("/orders/" + orderId + "/shipment", OrderApi.shipment())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ORDER_NOT_PAID")
			.jsonPath("$.type")
			.isEqualTo("urn:problem-type:eventplatform:order-not-paid");
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("29.99"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYMENT_AMOUNT_MISMATCH");
		api.post("/orders/" + orderId + "/cancellation", Map.of("reason", "changed my mind")).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> api.get("/orders/" + orderId, TestApiKeys.AUDIT)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("CANCELLED")
				.jsonPath("$.cancellationReason")
				.isEqualTo("changed my mind")
				.jsonPath("$.version")
				.isEqualTo(1));
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ORDER_CLOSED");

		assertThat(storedEvents(orderId)).hasSize(2);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReturnsTheFirstOutcomeWithoutASecondEvent() {
		var first = api.post("/orders", OrderApi.TWO_LINES, "Idempotency-Key", "create-1")
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		var orderId = (String) first.get("orderId");
		api.post("/orders", OrderApi.TWO_LINES, "Idempotency-Key", "create-1")
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/orders/" + orderId)
			.expectBody(Map.class)
			.isEqualTo(first);

		var payment = OrderApi.payment("30.00");
		api.post("/orders/" + orderId + "/payments", payment, "Idempotency-Key", "pay-1").expectStatus().isOk();
		api.post("/orders/" + orderId + "/payments", payment, "Idempotency-Key", "pay-1")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"");
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("31.00"), "Idempotency-Key", "pay-1")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");

		assertThat(storedEvents(orderId)).hasSize(2);
	}

	@Test
	void concurrentRetriesWithOneIdempotencyKeyCreateOneOrder() {
		var before = lastPosition();
		var customer = "cust-concurrent-" + System.nanoTime();
		var body = Map.of("customerId", customer, "currency", "EUR", "lines",
				List.of(Map.of("sku", "SKU-1", "quantity", 1, "unitPrice", 3)));
		var answers = List
			.of(CompletableFuture.supplyAsync(() -> api.created(body, "Idempotency-Key", customer)),
					CompletableFuture.supplyAsync(() -> api.created(body, "Idempotency-Key", customer)),
					CompletableFuture.supplyAsync(() -> api.created(body, "Idempotency-Key", customer)))
			.stream()
			.map(CompletableFuture::join)
			.toList();

		assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
		// Tests run one at a time: every event after this test's start is its own.
		assertThat(jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index > ?")
			.param(before)
			.query(String.class)
			.list()).containsExactly(answers.get(0));
	}

	@Test
	void invalidRequestsAreProblemsAndAppendNothing() {
		var before = lastPosition();

		api.post("/orders", Map.of("customerId", "", "currency", "euro", "lines", List.of()))
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors.length()")
			.isEqualTo(3);
		client.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.COMMAND)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customerId\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
		api.post("/orders", Map.of("customerId", "x".repeat(100_000)))
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTENT_TOO_LARGE");
		api.post("/orders/no-such-order/payments", OrderApi.payment("1.00"))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
		api.post("/orders", OrderApi.TWO_LINES, HttpHeaders.IF_MATCH, "W/\"1\"")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_IF_MATCH");
		api.get("/orders?size=1000", TestApiKeys.AUDIT)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED");

		assertThat(lastPosition()).isEqualTo(before);
	}

	@Test
	void theReadModelFiltersAndPagesOrders() {
		var customer = "cust-pages-" + System.nanoTime();
		var body = Map.of("customerId", customer, "currency", "EUR", "lines",
				List.of(Map.of("sku", "SKU-1", "quantity", 1, "unitPrice", 3)));
		var first = api.created(body);
		api.created(body);
		api.created(body);
		api.post("/orders/" + first + "/payments", Map.of("amount", 3, "currency", "EUR")).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> api.get("/orders?customer=" + customer + "&size=2", TestApiKeys.COMMAND)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items.length()")
				.isEqualTo(2)
				.jsonPath("$.totalElements")
				.isEqualTo(3)
				.jsonPath("$.totalPages")
				.isEqualTo(2));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> api.get("/orders?customer=" + customer + "&status=paid", TestApiKeys.AUDIT)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[*].orderId")
				.isEqualTo(List.of(first)));
		api.get("/orders?status=lost", TestApiKeys.AUDIT)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_PARAMETER");
		api.get("/orders/no-such-order", TestApiKeys.AUDIT).expectStatus().isNotFound();
	}

	@Test
	void theAuditLogPagesThroughAnOrdersEventsWithItsCursor() {
		var orderId = api.createOrder();
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();
		api.post("/orders/" + orderId + "/shipment", OrderApi.shipment()).expectStatus().isOk();
		api.post("/orders/" + orderId + "/delivery", Map.of()).expectStatus().isOk();

		// A page can end early while another transaction is in flight: read again until
		// all are there.
		var pages = await().atMost(Duration.ofSeconds(15))
			.until(() -> auditPages("/audit/events?limit=1&subject=" + orderId),
					read -> read.stream().mapToInt(page -> events(page).size()).sum() == 4);
		assertThat(pages).hasSize(4);
		assertThat(pages.stream().flatMap(page -> events(page).stream())).extracting(event -> event.get("eventType"))
			.containsExactly("order.created", "order.payment_received", "order.shipped", "order.delivered");
		assertThat(pages).extracting(page -> page.get("hasMore")).containsExactly(true, true, true, false);
	}

	/** Follows {@code next} until a page says there is no more. */
	private List<Map<String, Object>> auditPages(String firstPage) {
		var pages = new ArrayList<Map<String, Object>>();
		var uri = firstPage;
		while (true) {
			@SuppressWarnings("unchecked")
			Map<String, Object> page = api.get(uri, TestApiKeys.AUDIT)
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			pages.add(page);
			if (!(Boolean) page.get("hasMore")) {
				return pages;
			}
			uri = firstPage + "&after=" + page.get("next");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> events(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("events");
	}

	private List<Class<?>> storedEvents(String orderId) {
		return eventStore.readEvents(orderId).asStream().<Class<?>>map(DomainEventMessage::getPayloadType).toList();
	}

	private long lastPosition() {
		return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry").query(Long.class).single();
	}

	/**
	 * Other sessions of this database in the middle of an event insert: past loading the
	 * order, so their insert fails on the unique key whether it waits for the test's
	 * transaction or runs after its commit. (H2 names no blocker for a wait on a unique
	 * index.)
	 */
	private long sessionsInsertingAnEvent() throws MetaDataAccessException {
		var database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		var sql = switch (database) {
			case "PostgreSQL" -> """
					SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
					AND query LIKE 'INSERT INTO domain_event_entry%'""";
			case "H2" -> """
					SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS
					WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO domain_event_entry%'""";
			default -> throw new IllegalStateException("No session view known for " + database);
		};
		return jdbc.sql(sql).query(Long.class).single();
	}

}
