package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.assertj.core.groups.Tuple;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Operators see and move the streaming processors of a running platform on PostgreSQL:
 * pause and resume, resets to each kind of target while commands flow, the webhook
 * fan-out's confirmed redelivery, and two nodes on one database.
 */
@PlatformIntegrationTest
class ProcessorOperationsIntegrationTests {

	private static final String READ_MODEL = "order-summary";

	private static final String FAN_OUT = "webhook-fanout";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
	}

	/** The context is shared: leave every processor running and caught up. */
	@AfterEach
	void leaveThemRunning() {
		for (var name : List.of(READ_MODEL, FAN_OUT)) {
			action(client, name, "resume", null).expectStatus().isOk();
			awaitCaughtUp(client, name);
		}
	}

	@Test
	void listsEveryProcessorWithItsSegmentsPositionsAndLag() {
		api.createOrder();
		awaitCaughtUp(client, READ_MODEL);

		var processors = client.get()
			.uri("/processors")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.OPERATOR)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(processors).extracting(p -> p.get("name")).contains(READ_MODEL, FAN_OUT);
		for (var processor : processors) {
			assertThat(processor.get("local")).isEqualTo(true);
			assertThat((List<?>) processor.get("segments")).isNotEmpty();
			assertThat(number(processor, "headPosition")).isGreaterThanOrEqualTo(number(processor, "position"));
		}
		var readModel = status(client, READ_MODEL);
		assertThat(readModel).containsEntry("state", "running")
			.containsEntry("lagEvents", 0)
			.containsEntry("deadLetters", 0);
		assertThat(segments(readModel)).allSatisfy(segment -> assertThat(segment.get("owner")).isNotNull());
	}

	@Test
	void unknownProcessorsAreNotFoundAndOnlyOperatorsMayLook() {
		client.get()
			.uri("/processors/no-such-processor")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.OPERATOR)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNKNOWN_PROCESSOR");
		for (var action : List.of("pause", "resume")) {
			action(client, "no-such-processor", action, null).expectStatus().isNotFound();
		}
		action(client, "no-such-processor", "reset", Map.of("target", "tail")).expectStatus().isNotFound();
		for (var key : List.of(TestApiKeys.COMMAND, TestApiKeys.AUDIT, TestApiKeys.SUBSCRIBER)) {
			client.get()
				.uri("/processors")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
				.exchange()
				.expectStatus()
				.isForbidden();
			client.post()
				.uri("/processors/" + READ_MODEL + "/pause")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(status(client, READ_MODEL)).containsEntry("paused", false);
	}

	@Test
	void badResetTargetsAreProblemsAndMoveNothing() {
		var future = Instant.now().plus(Duration.ofDays(1)).toString();
		for (var body : List.<Map<String, Object>>of(Map.of(), Map.of("target", "yesterday"),
				Map.of("target", "position"), Map.of("target", "position", "position", -1),
				Map.of("target", "position", "position", Long.MAX_VALUE), Map.of("target", "instant"),
				Map.of("target", "instant", "instant", "28/11/2026"),
				Map.of("target", "instant", "instant", "+10000-01-01T00:00:00Z"),
				Map.of("target", "instant", "instant", future))) {
			action(client, READ_MODEL, "reset", body).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("INVALID_RESET_TARGET");
		}
		action(client, READ_MODEL, "reset", Map.of("target", "position", "position", "1e400")).expectStatus()
			.isBadRequest();
		assertThat(status(client, READ_MODEL)).containsEntry("state", "running");
	}

	@Test
	void pauseStopsProgressAndResumeCatchesUp() {
		action(client, READ_MODEL, "pause", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("paused");
		var orderId = api.createOrder();

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> orderStatus(orderId) == 404);
		assertThat(number(status(client, READ_MODEL), "lagEvents")).isPositive();

		action(client, READ_MODEL, "resume", null).expectStatus().isOk();
		await().atMost(WAIT).until(() -> orderStatus(orderId) == 200);

		var audit = client.get()
			.uri("/audit/events?subject={name}", READ_MODEL)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		var events = (List<Map<String, Object>>) audit.get("events");
		assertThat(events.subList(events.size() - 2, events.size()))
			.extracting(e -> e.get("eventType"), e -> e.get("principal"))
			.containsExactly(Tuple.tuple("processor.paused", "test-operator"),
					Tuple.tuple("processor.resumed", "test-operator"));
	}

	@Test
	void aResetToTheTailRebuildsTheSameState() {
		var ids = List.of(api.createOrder(), api.createOrder(), api.createOrder());
		api.post("/orders/" + ids.get(0) + "/payments", OrderApi.payment("30.00")).expectStatus().is2xxSuccessful();
		awaitCaughtUp(client, READ_MODEL);
		var before = ids.stream().map(this::order).toList();

		action(client, READ_MODEL, "reset", Map.of("target", "tail")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reset.afterPosition")
			.doesNotExist();
		awaitCaughtUp(client, READ_MODEL);

		assertThat(ids.stream().map(this::order).toList()).isEqualTo(before);
		assertThat(status(client, READ_MODEL)).extracting(s -> ((Map<?, ?>) s.get("reset")).get("state"))
			.isEqualTo("DONE");
	}

	@Test
	void aResetWhileCommandsFlowEndsConsistent() throws Exception {
		var created = Collections.synchronizedList(new ArrayList<String>());
		var clients = 4;
		var load = Executors.newFixedThreadPool(clients);
		var flows = new ArrayList<Future<?>>();
		var end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		for (int i = 0; i < clients; i++) {
			// Each client paces itself at 25 commands a second: 100 in all, as far as the
			// machine keeps up.
			flows.add(load.submit(() -> {
				var next = System.nanoTime();
				while (next < end) {
					created.add(api.createOrder());
					next += TimeUnit.MILLISECONDS.toNanos(40);
					TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
				}
				return null;
			}));
		}
		await().atMost(WAIT).until(() -> created.size() >= 50);

		action(client, READ_MODEL, "reset", Map.of("target", "tail")).expectStatus().isOk();
		var atReset = created.size();
		for (var flow : flows) {
			flow.get(60, TimeUnit.SECONDS);
		}
		load.shutdown();
		awaitCaughtUp(client, READ_MODEL);

		assertThat(created).hasSizeGreaterThan(atReset + 50);
		assertThat(created).allSatisfy(id -> assertThat(orderStatus(id)).isEqualTo(200));
	}

	@Test
	void aRebuildKeepsAnsweringFromThePreviousTablesAndSwitchesOnceCaughtUp() {
		var ids = new ArrayList<>(List.of(api.createOrder(), api.createOrder()));
		api.post("/orders/" + ids.get(0) + "/payments", OrderApi.payment("30.00")).expectStatus().is2xxSuccessful();
		awaitCaughtUp(client, READ_MODEL);
		var head = number(status(client, READ_MODEL), "headPosition");
		var before = ids.stream().map(this::order).toList();
		assertThat(modelPosition("/orders/" + ids.get(0))).isEqualTo(head);
		var tablesBefore = ReadModelTables.answering(jdbc);

		// Paused, the rebuild stays at its start: what reads see meanwhile holds still.
		action(client, READ_MODEL, "pause", null).expectStatus().isOk();
		action(client, READ_MODEL, "reset", Map.of("target", "tail")).expectStatus().isOk();
		await().atMost(WAIT)
			.until(() -> "DONE".equals(((Map<?, ?>) status(client, READ_MODEL).get("reset")).get("state")));
		var during = api.createOrder();
		ids.add(during);

		assertThat(ids.subList(0, 2).stream().map(this::order).toList()).isEqualTo(before);
		assertThat(orderStatus(during)).isEqualTo(404);
		assertThat(modelPosition("/orders?size=100")).isEqualTo(head);
		assertThat(ReadModelTables.answering(jdbc)).isEqualTo(tablesBefore);

		action(client, READ_MODEL, "resume", null).expectStatus().isOk();
		await().atMost(WAIT).until(() -> !ReadModelTables.answering(jdbc).equals(tablesBefore));
		awaitCaughtUp(client, READ_MODEL);

		assertThat(ids.subList(0, 2).stream().map(this::order).toList()).isEqualTo(before);
		assertThat(orderStatus(during)).isEqualTo(200);
		assertThat(modelPosition("/orders/" + during)).isGreaterThan(head);
		// The same rows as the tables the rebuild replaced, but for the order added
		// since.
		var rebuilt = ReadModelTables.answering(jdbc);
		assertThat(rows(rebuilt, "WHERE order_id <> '" + during + "'")).isEqualTo(rows(tablesBefore, ""));
	}

	@Test
	void theReadModelRebuildsOnlyFromTheTail() {
		for (var target : List.<Map<String, Object>>of(Map.of("target", "head"),
				Map.of("target", "position", "position", 0),
				Map.of("target", "instant", "instant", Instant.now().toString()))) {
			var head = number(status(client, READ_MODEL), "headPosition");
			if (head < 0) {
				api.createOrder();
			}
			action(client, READ_MODEL, "reset", target).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("INVALID_RESET_TARGET")
				.jsonPath("$.detail")
				.value(detail -> assertThat(detail.toString()).contains("tail"));
		}
	}

	@Test
	void aResetToAnInstantSendsAgainOnlyTheEventsFromThen() {
		var receiver = WebhookReceiver.shared();
		var path = subscribe(receiver);
		var before = api.createOrder();
		await().atMost(WAIT).until(() -> receiver.received(path).size() == 1);
		var instant = Instant.now();
		await().atMost(WAIT).until(() -> Instant.now().isAfter(instant.plusMillis(10)));
		var after = api.createOrder();
		await().atMost(WAIT).until(() -> receiver.received(path).size() == 2);

		action(client, FAN_OUT, "reset", Map.of("target", "instant", "instant", instant.toString(), "redeliver", true))
			.expectStatus()
			.isOk();

		await().atMost(WAIT).until(() -> receiver.received(path).size() == 3);
		awaitCaughtUp(client, FAN_OUT);
		var received = receiver.received(path);
		assertThat(received.get(2).body()).contains(after);
		assertThat(received).filteredOn(r -> r.body().contains(before)).hasSize(1);
	}

	@Test
	void theWebhookFanOutSendsAgainOnlyWhenConfirmedAndOnlyWhatTheTargetCovers() {
		var receiver = WebhookReceiver.shared();
		var path = subscribe(receiver);
		var before = api.createOrder();
		await().atMost(WAIT).until(() -> receiver.received(path).size() == 1);
		awaitCaughtUp(client, FAN_OUT);
		var target = number(status(client, FAN_OUT), "headPosition");
		var after = api.createOrder();
		await().atMost(WAIT).until(() -> receiver.received(path).size() == 2);

		action(client, FAN_OUT, "reset", Map.of("target", "position", "position", target)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("REDELIVERY_NOT_CONFIRMED");
		action(client, FAN_OUT, "reset", Map.of("target", "position", "position", target, "redeliver", true))
			.expectStatus()
			.isOk();

		await().atMost(WAIT).until(() -> receiver.received(path).size() == 3);
		awaitCaughtUp(client, FAN_OUT);
		var received = receiver.received(path);
		assertThat(received.get(2).body()).contains(after);
		assertThat(received.get(2).headers().get("webhook-id")).isEqualTo(received.get(1).headers().get("webhook-id"));
		assertThat(received).filteredOn(r -> r.body().contains(before)).hasSize(1);
	}

	@Test
	void twoNodesSeeEachOthersSegmentsAndAResetOnOneStopsBoth() {
		var orderId = api.createOrder();
		awaitCaughtUp(client, READ_MODEL);
		var firstNode = (String) segments(status(client, READ_MODEL)).get(0).get("owner");
		try (var second = SecondNode.besides(context)) {
			var secondClient = second.client();
			// The first node holds every segment; the second sees them in the token
			// store.
			assertThat(segments(status(secondClient, READ_MODEL)))
				.allSatisfy(segment -> assertThat(segment.get("owner")).isEqualTo(firstNode));

			action(secondClient, READ_MODEL, "reset", Map.of("target", "tail")).expectStatus().isOk();

			// The reset is done only once no node holds a live claim: the first let go.
			await().atMost(WAIT)
				.until(() -> "DONE".equals(((Map<?, ?>) status(client, READ_MODEL).get("reset")).get("state")));
			awaitCaughtUp(client, READ_MODEL);
			assertThat(orderStatus(orderId)).isEqualTo(200);
			assertThat(segments(status(client, READ_MODEL))).extracting(segment -> segment.get("owner"))
				.allSatisfy(owner -> assertThat(owner).isIn(firstNode, SecondNode.NODE_ID));
		}
	}

	@Test
	void aFailingProcessorShowsInStatusHealthAndMetricsWithoutTakingReadinessDown() {
		var table = ReadModelTables.answering(jdbc).summary();
		jdbc.sql("ALTER TABLE " + table + " RENAME TO order_summary_away").update();
		try {
			var orderId = api.createOrder();
			await().atMost(WAIT).untilAsserted(() -> {
				var status = status(client, READ_MODEL);
				assertThat(status).containsEntry("state", "failing");
				assertThat(status.get("failure")).asString().contains("since");
				assertThat(number(status, "lagEvents")).isPositive();
			});
			client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.eventProcessors.status")
				.isEqualTo("DEGRADED");
			client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
			var metrics = Prometheus.scrape(client);
			assertThat(metrics).containsPattern("platform_processor_lag_events\\{processor=\"order-summary\"} [1-9]")
				.contains("eventProcessor_latency{processorName=\"order-summary\"}")
				.contains("commandBus_successCounter_total");

			jdbc.sql("ALTER TABLE order_summary_away RENAME TO " + table).update();
			awaitCaughtUp(client, READ_MODEL);
			assertThat(orderStatus(orderId)).isEqualTo(200);
			client.get()
				.uri("/actuator/health")
				.exchange()
				.expectBody()
				.jsonPath("$.components.eventProcessors.status")
				.isEqualTo("UP");
		}
		finally {
			jdbc.sql("ALTER TABLE IF EXISTS order_summary_away RENAME TO " + table).update();
		}
	}

	/** Subscribes a fresh path of the receiver to order.created; returns the path. */
	private String subscribe(WebhookReceiver receiver) {
		var path = "/redeliver-" + UUID.randomUUID();
		client.post()
			.uri("/webhooks")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.SUBSCRIBER)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", receiver.url(path), "eventTypes", List.of("order.created")))
			.exchange()
			.expectStatus()
			.isCreated();
		return path;
	}

	private long modelPosition(String uri) {
		return Long.parseLong(api.get(uri, TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Read-Model-Position"));
	}

	private List<List<Map<String, Object>>> rows(ReadModelTables tables, String where) {
		return List.of(
				jdbc.sql("SELECT * FROM " + tables.summary() + " " + where + " ORDER BY order_id").query().listOfRows(),
				jdbc.sql("SELECT * FROM " + tables.lines() + " " + where.replace("order_id", "order_summary")
						+ " ORDER BY order_summary, order_summary_key")
					.query()
					.listOfRows());
	}

	private Map<String, Object> order(String id) {
		return api.get("/orders/" + id, TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private int orderStatus(String id) {
		return api.get("/orders/" + id, TestApiKeys.AUDIT).returnResult(String.class).getStatus().value();
	}

	private static WebTestClient.ResponseSpec action(WebTestClient client, String name, String action, Object body) {
		var request = client.post()
			.uri("/processors/{name}/{action}", name, action)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.OPERATOR);
		return body == null ? request.exchange()
				: request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static Map<String, Object> status(WebTestClient client, String name) {
		return client.get()
			.uri("/processors/{name}", name)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.OPERATOR)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	/** Running, not replaying nor resetting, and at the head. */
	private static void awaitCaughtUp(WebTestClient client, String name) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(status(client, name)).containsEntry("state", "running")
				.containsEntry("lagEvents", 0));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> segments(Map<String, Object> status) {
		return (List<Map<String, Object>>) status.get("segments");
	}

	private static long number(Map<String, Object> status, String field) {
		return ((Number) status.get(field)).longValue();
	}

}
