package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The full path on PostgreSQL: HTTP command, stored event, read model, audit log. */
@PlatformIntegrationTest
class OrderLifecycleIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

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

		assertThat(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(orderId)
			.query(String.class)
			.list()).hasSize(4).allSatisfy(metaData -> assertThat(metaData).contains("\"principal\":\"test-command\""));
		assertThat(storedEvents(orderId)).containsExactly("dev.eventplatform.events.order.OrderCreatedEvent",
				"dev.eventplatform.events.order.OrderPaymentReceivedEvent",
				"dev.eventplatform.events.order.OrderShippedEvent",
				"dev.eventplatform.events.order.OrderDeliveredEvent");

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

		// Transactions still open in other tests hold the audit log back until they finish.
		var firstPage = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/audit/events?subject=" + orderId + "&limit=3", TestApiKeys.AUDIT)
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody(), page -> ((List<?>) page.get("events")).size() == 3);
		assertThat(firstPage.get("hasMore")).isEqualTo(true);
		api.get("/audit/events?subject=" + orderId + "&limit=3&after=" + firstPage.get("next"), TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.events[*].eventType")
			.isEqualTo(List.of("order.delivered"))
			.jsonPath("$.hasMore")
			.isEqualTo(false);
		api.get("/audit/events?subject=" + orderId + "&type=order.shipped", TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.events[*].eventType")
			.isEqualTo(List.of("order.shipped"));
	}

	@Test
	void aStaleIfMatchIsAConflictAndAppendsNothing() {
		var orderId = api.createOrder();
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();

		api.post("/orders/" + orderId + "/shipment", OrderApi.shipment(), HttpHeaders.IF_MATCH, "\"0\"")
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VERSION_CONFLICT");
		api.post("/orders/" + orderId + "/shipment", OrderApi.shipment(), HttpHeaders.IF_MATCH, "\"7\"")
			.expectStatus()
			.isEqualTo(409);

		assertThat(storedEvents(orderId)).hasSize(2);
	}

	@Test
	void concurrentCommandsOnOneOrderNeverBothSucceed() {
		var orderId = api.createOrder();
		var results = List.of(
				CompletableFuture.supplyAsync(() -> payStatus(orderId)),
				CompletableFuture.supplyAsync(() -> payStatus(orderId)),
				CompletableFuture.supplyAsync(() -> payStatus(orderId)))
			.stream()
			.map(CompletableFuture::join)
			.toList();

		assertThat(results).containsOnlyOnce(200).hasSize(3).allMatch(status -> status == 200 || status == 409);
		assertThat(storedEvents(orderId)).hasSize(2);
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
		var customer = "cust-concurrent-" + System.nanoTime();
		var body = Map.of("customerId", customer, "currency", "EUR", "lines",
				List.of(Map.of("sku", "SKU-1", "quantity", 1, "unitPrice", 3)));
		var answers = List.of(
				CompletableFuture.supplyAsync(() -> api.created(body, "Idempotency-Key", customer)),
				CompletableFuture.supplyAsync(() -> api.created(body, "Idempotency-Key", customer)),
				CompletableFuture.supplyAsync(() -> api.created(body, "Idempotency-Key", customer)))
			.stream()
			.map(CompletableFuture::join)
			.toList();

		assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?")
			.param("%" + customer + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void invalidRequestsAreProblemsAndAppendNothing() {
		var before = jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();

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

		assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(before);
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

	private int payStatus(String orderId) {
		return api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00"), HttpHeaders.IF_MATCH, "\"0\"")
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private List<String> storedEvents(String orderId) {
		return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
			.param(orderId)
			.query(String.class)
			.list();
	}

}
