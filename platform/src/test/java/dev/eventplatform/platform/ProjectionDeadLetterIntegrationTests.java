package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderLine;
import dev.eventplatform.events.order.OrderPaymentReceivedEvent;
import dev.eventplatform.infrastructure.deadletter.DeadLetters;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A poison event in the orders read model (issue 5, item 1): the order processor sets it
 * aside in its dead-letter queue with the later events of its order, every other order
 * keeps flowing, the letter shows in health and metrics, and once the cause is fixed a
 * retry applies it.
 */
@PlatformIntegrationTest
class ProjectionDeadLetterIntegrationTests {

	private static final String GROUP = "order-summary";

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventStore eventStore;

	@Autowired
	DeadLetters deadLetters;

	OrderApi api;

	ReadModelTables tables;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
		tables = ReadModelTables.answering(jdbc);
	}

	@AfterEach
	void dropTheRule() {
		jdbc.sql("ALTER TABLE " + tables.summary() + " DROP CONSTRAINT IF EXISTS refuses_poison").update();
	}

	@Test
	void aPoisonEventWaitsInTheDeadLetterQueueWhileOtherOrdersFlowAndIsAppliedByARetryOnceFixed() {
		// A rule of the read model's table that this order breaks: the database refuses
		// its row, as
		// it would a value a migration made too long. (A rule, not a narrower column:
		// changing a
		// column's type under a running application invalidates the driver's prepared
		// statements.)
		jdbc.sql("ALTER TABLE " + tables.summary()
				+ " ADD CONSTRAINT refuses_poison CHECK (customer_id <> 'poison') NOT VALID")
			.update();
		var poisoned = UUID.randomUUID().toString();
		var total = new BigDecimal("30.00");
		eventStore.publish(
				new GenericDomainEventMessage<>("Order", poisoned, 0,
						new OrderCreatedEvent(poisoned, "poison", "EUR", List.of(new OrderLine("SKU-1", 1, total)),
								total)),
				new GenericDomainEventMessage<>("Order", poisoned, 1,
						new OrderPaymentReceivedEvent(poisoned, total, "EUR")));
		var healthy = new ArrayList<String>();
		for (int i = 0; i < 5; i++) {
			healthy.add(api.createOrder());
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> healthy.forEach(id -> api.get("/orders/" + id, TestApiKeys.AUDIT).expectStatus().isOk()));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deadLetters.count(GROUP)).isEqualTo(new DeadLetters.Count(2, 1)));
		api.get("/orders/" + poisoned, TestApiKeys.AUDIT).expectStatus().isNotFound();
		client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.components.processors.status")
			.isEqualTo("DEGRADED");
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		assertThat(Prometheus.scrape(client)).contains("platform_dead_letters{group=\"order-summary\"} 2.0")
			.containsPattern("platform_dead_letters_enqueued_total\\{group=\"order-summary\"\\} [1-9]");

		// Retrying before the cause is fixed leaves both letters where they are.
		retry().jsonPath("$.attempted").isEqualTo(1).jsonPath("$.succeeded").isEqualTo(0);
		assertThat(deadLetters.count(GROUP)).isEqualTo(new DeadLetters.Count(2, 1));

		// The fix: a migration drops the rule. The retry applies the order, then its
		// payment.
		dropTheRule();
		retry().jsonPath("$.succeeded").isEqualTo(1).jsonPath("$.remaining.letters").isEqualTo(0);
		api.get("/orders/" + poisoned, TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAID")
			.jsonPath("$.version")
			.isEqualTo(1);
		client.get().uri("/actuator/health").exchange().expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void theLargestOrderIsProjectedAndPaidWhileALargerOneIsRefused() {
		var largest = Map.of("customerId", "cust-max", "currency", "EUR", "lines",
				List.of(Map.of("sku", "A", "quantity", 10_000, "unitPrice", new BigDecimal("9999999999.99")),
						Map.of("sku", "B", "quantity", 1, "unitPrice", new BigDecimal("99.99"))));
		var orderId = api.created(largest);
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("99999999999999.99")).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> api.get("/orders/" + orderId, TestApiKeys.AUDIT)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("PAID")
				.jsonPath("$.total")
				.isEqualTo(99999999999999.99));

		// Issue 5's poison order: accepted before this fix, it stopped the read model.
		api.post("/orders",
				Map.of("customerId", "x", "currency", "EUR", "lines",
						List.of(Map.of("sku", "A", "quantity", 1000, "unitPrice", new BigDecimal("999999999999.99")))))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INVALID_ORDER");
	}

	@Test
	void textWithANulCharacterIsRefusedBeforeItBecomesAnEvent() {
		api.post("/orders",
				Map.of("customerId", "cust\u0000", "currency", "EUR", "lines",
						List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", 1))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[0].field")
			.isEqualTo("customerId");
	}

	private WebTestClient.BodyContentSpec retry() {
		return client.post()
			.uri("/actuator/deadletters/" + GROUP)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.OPERATOR)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

}
