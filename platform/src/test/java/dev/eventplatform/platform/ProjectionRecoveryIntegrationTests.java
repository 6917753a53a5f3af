package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.deadletter.DeadLetters;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The orders read model when its processor meets trouble that is not about an event's
 * data: a failing write stops and retries the segment, and loses and dead-letters
 * nothing; a batch delivered again changes nothing; a reset clears the model and rebuilds
 * it from the events.
 */
@PlatformIntegrationTest
class ProjectionRecoveryIntegrationTests {

	private static final String GROUP = "order-summary";

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	EventStore eventStore;

	@Autowired
	TokenStore tokenStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	DeadLetters deadLetters;

	OrderApi api;

	PooledStreamingEventProcessor processor;

	ReadModelTables tables;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
		tables = ReadModelTables.answering(jdbc);
		processor = processing.eventProcessor(GROUP, PooledStreamingEventProcessor.class).orElseThrow();
	}

	@AfterEach
	void leaveTheProcessorRunning() {
		jdbc.sql("DROP TRIGGER IF EXISTS refuses_for_a_while ON " + tables.summary()).update();
		if (!processor.isRunning()) {
			processor.start();
		}
	}

	@Test
	void aWriteThatFailsForAWhileDelaysItsOrderButNeitherSkipsNorDeadLettersIt() {
		var customer = "cust-transient-" + System.nanoTime();
		// 40001 (serialization failure) says nothing about the row: the kind of error a
		// retry cures.
		jdbc.sql("CREATE SEQUENCE IF NOT EXISTS refusals").update();
		jdbc.sql("""
				CREATE OR REPLACE FUNCTION refuse_for_a_while() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    PERFORM nextval('refusals');
				    RAISE EXCEPTION 'refused for a while' USING ERRCODE = '40001';
				END $$""").update();
		var refusedBefore = refusals();
		var lettersBefore = letters();
		jdbc.sql("CREATE TRIGGER refuses_for_a_while BEFORE INSERT ON " + tables.summary()
				+ " FOR EACH ROW WHEN (NEW.customer_id = '" + customer + "') EXECUTE FUNCTION refuse_for_a_while()")
			.update();
		var delayed = api.created(Map.of("customerId", customer, "currency", "EUR", "lines",
				List.of(Map.of("sku", "SKU-1", "quantity", 1, "unitPrice", 3))));
		var later = api.createOrder();

		// Refused, retried and refused again: the segment waits at the failing batch.
		await().atMost(Duration.ofSeconds(30)).until(() -> refusals() - refusedBefore >= 2);
		api.get("/orders/" + delayed, TestApiKeys.AUDIT).expectStatus().isNotFound();
		api.get("/orders/" + later, TestApiKeys.AUDIT).expectStatus().isNotFound();
		assertThat(letters()).isEqualTo(lettersBefore);

		jdbc.sql("DROP TRIGGER refuses_for_a_while ON " + tables.summary()).update();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> api.get("/orders/" + later, TestApiKeys.AUDIT).expectStatus().isOk());
		api.get("/orders/" + delayed, TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customerId")
			.isEqualTo(customer);
		assertThat(letters()).isEqualTo(lettersBefore);
	}

	@Test
	void eventsDeliveredAgainLeaveTheReadModelAsItWas() {
		var from = eventStore.createHeadToken();
		var paid = api.createOrder();
		api.post("/orders/" + paid + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();
		api.post("/orders/" + paid + "/shipment", OrderApi.shipment()).expectStatus().isOk();
		var cancelled = api.createOrder();
		api.post("/orders/" + cancelled + "/cancellation", Map.of("reason", "twice is once")).expectStatus().isOk();
		var head = eventStore.createHeadToken();
		awaitCaughtUpWith(head);
		var before = readModel();
		var lettersBefore = letters();

		processor.shutDown();
		// Back to before these orders, without a reset: their events are delivered a
		// second time.
		transactionManager.executeInTransaction(() -> {
			for (var segment : tokenStore.fetchSegments(GROUP)) {
				tokenStore.fetchToken(GROUP, segment);
				tokenStore.storeToken(from, GROUP, segment);
				tokenStore.releaseClaim(GROUP, segment);
			}
		});
		processor.start();

		awaitCaughtUpWith(head);
		assertThat(readModel()).isEqualTo(before);
		assertThat(letters()).isEqualTo(lettersBefore);
	}

	@Test
	void aResetClearsTheReadModelAndRebuildsItFromTheEvents() {
		api.post("/orders/" + api.createOrder() + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();
		awaitCaughtUpWith(eventStore.createHeadToken());
		var before = readModel();
		// No event knows this order: only clearing the model removes it.
		jdbc.sql("INSERT INTO " + tables.summary() + """
				 (order_id, customer_id, currency, total, status, version, created_at, updated_at)
				VALUES ('no-such-order', 'nobody', 'EUR', 1, 'CREATED', 0, now(), now())""").update();

		processor.shutDown();
		processor.resetTokens();
		processor.start();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(processor.isReplaying()).isFalse();
			assertThat(readModel()).isEqualTo(before);
		});
	}

	private long letters() {
		return deadLetters.count(GROUP).letters();
	}

	private long refusals() {
		return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM refusals")
			.query(Long.class)
			.single();
	}

	/** Waits until every segment has handled the events up to {@code head}. */
	private void awaitCaughtUpWith(TrackingToken head) {
		var position = head.position().orElseThrow();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !processor.processingStatus().isEmpty() && processor.processingStatus()
				.values()
				.stream()
				.allMatch(status -> status.getCurrentPosition().orElse(-1) >= position));
	}

	/**
	 * Every order and line of the read model's answering tables, in a stable order.
	 */
	private List<List<Map<String, Object>>> readModel() {
		var answering = ReadModelTables.answering(jdbc);
		return List.of(jdbc.sql("SELECT * FROM " + answering.summary() + " ORDER BY order_id").query().listOfRows(),
				jdbc.sql("SELECT * FROM " + answering.lines() + " ORDER BY order_summary, order_summary_key")
					.query()
					.listOfRows());
	}

}
