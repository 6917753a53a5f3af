package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderLine;
import dev.eventplatform.infrastructure.deadletter.DeadLetters;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fan-out processor beside the others: an event it cannot handle waits in its
 * dead-letter queue while every other subject flows, and a rebuild of the orders read
 * model sends nothing.
 */
@PlatformIntegrationTest
class WebhookFanOutIntegrationTests {

	private static final String GROUP = "webhook-fanout";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final WebhookReceiver receiver = WebhookReceiver.shared();

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventStore eventStore;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	EventProcessingConfiguration processing;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
	}

	@AfterEach
	void dropTheRule() {
		jdbc.sql("ALTER TABLE webhook_delivery DROP CONSTRAINT IF EXISTS refuses_poison").update();
	}

	@Test
	void anEventTheFanOutCannotHandleWaitsAsADeadLetterWhileOtherSubjectsFlow() {
		var path = "/fan-out-" + UUID.randomUUID();
		subscribe(path);
		// The database refuses this subject's delivery rows, as it would a value too long
		// for a column.
		jdbc.sql("ALTER TABLE webhook_delivery ADD CONSTRAINT refuses_poison CHECK (subject NOT LIKE 'poison-%') "
				+ "NOT VALID")
			.update();
		var poisoned = "poison-" + UUID.randomUUID();
		var total = new BigDecimal("30.00");
		eventStore.publish(new GenericDomainEventMessage<>("Order", poisoned, 0,
				new OrderCreatedEvent(poisoned, "cust-1", "EUR", List.of(new OrderLine("SKU-1", 1, total)), total)));
		var healthy = new ArrayList<String>();
		for (int i = 0; i < 5; i++) {
			healthy.add(api.createOrder());
		}

		await().atMost(WAIT)
			.until(() -> healthy.stream()
				.allMatch(id -> receiver.received(path).stream().anyMatch(r -> r.body().contains(id))));
		await().atMost(WAIT).until(() -> deadLetters.count(GROUP).letters() == 1);
		assertThat(receiver.received(path)).noneMatch(r -> r.body().contains(poisoned));

		dropTheRule();
		client.post()
			.uri("/actuator/deadletters/" + GROUP)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.OPERATOR)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.succeeded")
			.isEqualTo(1);
		await().atMost(WAIT).until(() -> receiver.received(path).stream().anyMatch(r -> r.body().contains(poisoned)));
		assertThat(deadLetters.count(GROUP).letters()).isZero();
	}

	@Test
	void rebuildingTheOrdersReadModelSendsNothing() {
		var path = "/rebuild-" + UUID.randomUUID();
		subscribe(path);
		var orderId = api.createOrder();
		await().atMost(WAIT).until(() -> receiver.received(path).size() == 1);

		var readModel = processing.eventProcessor("order-summary", PooledStreamingEventProcessor.class).orElseThrow();
		readModel.shutDown();
		readModel.resetTokens();
		readModel.start();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(readModel.isReplaying()).isFalse();
			api.get("/orders/" + orderId, TestApiKeys.AUDIT).expectStatus().isOk();
		});

		assertThat(receiver.received(path)).hasSize(1);
	}

	/**
	 * A subscription deleted after the fan-out read the subscriptions, before it inserted
	 * the deliveries: the insert must not fail on the foreign key, which would set the
	 * event aside as a dead letter for every other subscription too.
	 */
	@Test
	void aSubscriptionDeletedWhileItsEventIsFannedOutStopsNoOtherDelivery() {
		var kept = "/kept-" + UUID.randomUUID();
		subscribe(kept);
		var deleted = subscribe("/deleted-" + UUID.randomUUID());
		// Each of the fan-out's insert statements (one per delivery) waits 2 s, after the
		// subscriptions were read.
		jdbc.sql("""
				CREATE OR REPLACE FUNCTION slow_delivery() RETURNS trigger LANGUAGE plpgsql AS
				$$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$""").update();
		jdbc.sql("CREATE TRIGGER slow_delivery BEFORE INSERT ON webhook_delivery "
				+ "FOR EACH STATEMENT EXECUTE FUNCTION slow_delivery()")
			.update();
		String orderId;
		try {
			orderId = api.createOrder();
			await().atMost(WAIT)
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")
					.query(Long.class)
					.single() > 0);
			// The delete waits for the fan-out's transaction.
			client.mutate()
				.responseTimeout(WAIT)
				.build()
				.delete()
				.uri("/webhooks/{id}", deleted)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.SUBSCRIBER)
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		}
		finally {
			jdbc.sql("DROP TRIGGER IF EXISTS slow_delivery ON webhook_delivery").update();
		}

		await().atMost(WAIT).until(() -> receiver.received(kept).stream().anyMatch(r -> r.body().contains(orderId)));
		assertThat(deadLetters.count(GROUP).letters()).isZero();
	}

	private String subscribe(String path) {
		var created = client.post()
			.uri("/webhooks")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.SUBSCRIBER)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", receiver.url(path), "eventTypes", List.of("order.created")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return created.get("id").toString();
	}

}
