package dev.eventplatform.platform;

import static dev.eventplatform.platform.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import dev.eventplatform.platform.WebhookReceiver.Answer;
import dev.eventplatform.platform.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end against real HTTP receivers on loopback ({@link WebhookReceiver}),
 * on each database the platform supports, by a subclass that chooses the test context:
 * ownership, signatures checked by an HMAC written here (not the library that signs),
 * per-subject order under concurrency and failures, the retry schedule, dead letters,
 * disabling, isolation from a hung endpoint, rotation and replay. application-test.yml
 * shortens the schedule to 2 quick attempts per round and 2 persisted retries of 300 ms,
 * and disables a subscription after 3 dead letters in a row.
 */
abstract class WebhookScenarios {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Attempts a delivery gets before it is dead-lettered: 2 per round, 3 rounds. */
	private static final int ATTEMPTS = 6;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final WebhookReceiver receiver = WebhookReceiver.shared();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient client;

	OrderApi orders;

	@BeforeEach
	void setUp() {
		orders = new OrderApi(client);
	}

	@Test
	void aSubscriptionBelongsToItsOwnerAndItsSecretIsShownOnce() {
		var path = path();
		var created = post("/webhooks", TestApiKeys.SUBSCRIBER, subscription(path, "order.*")).expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/webhooks/[0-9a-f-]{36}")
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		var id = (String) created.get("id");
		var secret = (String) created.get("secret");
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(created).containsEntry("owner", "test-subscriber").containsEntry("enabled", true);

		var read = get("/webhooks/" + id, TestApiKeys.SUBSCRIBER).expectStatus().isOk().expectBody(MAP).returnResult();
		assertThat(read.getResponseBody()).doesNotContainKey("secret").containsEntry("url", receiver.url(path));
		expectProblem(get("/webhooks/" + id, TestApiKeys.OTHER_SUBSCRIBER), 404, "NOT_FOUND");
		expectProblem(patch("/webhooks/" + id, TestApiKeys.OTHER_SUBSCRIBER, Map.of("enabled", false)), 404,
				"NOT_FOUND");
		expectProblem(delete("/webhooks/" + id, TestApiKeys.OTHER_SUBSCRIBER), 404, "NOT_FOUND");
		expectProblem(post("/webhooks/" + id + "/secret/rotate", TestApiKeys.OTHER_SUBSCRIBER, Map.of()), 404,
				"NOT_FOUND");
		assertThat(ids(get("/webhooks", TestApiKeys.OTHER_SUBSCRIBER))).doesNotContain(id);
		assertThat(ids(get("/webhooks", TestApiKeys.SUBSCRIBER))).contains(id);
		assertThat(ids(get("/webhooks", TestApiKeys.OPERATOR))).contains(id);
		get("/webhooks/" + id, TestApiKeys.OPERATOR).expectStatus().isOk();
		get("/webhooks", TestApiKeys.COMMAND).expectStatus().isForbidden();
		get("/dead-letters", TestApiKeys.SUBSCRIBER).expectStatus().isForbidden();

		// Event-sourced: the history is in the audit log, with who did it and no secret.
		var history = get("/audit/subjects/" + id + "/events", TestApiKeys.AUDIT).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(history).contains("webhook.subscription.created", "test-subscriber").doesNotContain(secret);
	}

	@Test
	void badSubscriptionsAndQueriesAreProblems() {
		expectProblem(post("/webhooks", TestApiKeys.SUBSCRIBER, subscription(path(), "order.nope")), 400,
				"UNKNOWN_EVENT_TYPE");
		expectProblem(
				post("/webhooks", TestApiKeys.SUBSCRIBER,
						Map.of("url", "ftp://example.com/x", "eventTypes", List.of("order.*"))),
				400, "INVALID_WEBHOOK_URL");
		expectProblem(
				post("/webhooks", TestApiKeys.SUBSCRIBER,
						Map.of("url", "http://user:pw@127.0.0.1/x", "eventTypes", List.of("order.*"))),
				400, "INVALID_WEBHOOK_URL");
		expectProblem(
				post("/webhooks", TestApiKeys.SUBSCRIBER,
						Map.of("url", receiver.url(path()), "eventTypes", List.of("order.*"), "version", 7)),
				400, "UNSUPPORTED_EVENT_VERSION");
		expectProblem(
				post("/webhooks", TestApiKeys.SUBSCRIBER,
						Map.of("url", receiver.url(path()), "eventTypes", List.of("order.*"), "format", "xml")),
				400, "VALIDATION_FAILED");
		expectProblem(
				post("/webhooks", TestApiKeys.SUBSCRIBER, Map.of("url", receiver.url(path()), "eventTypes", List.of())),
				400, "VALIDATION_FAILED");
		expectProblem(
				post("/webhooks", TestApiKeys.SUBSCRIBER,
						Map.of("url", receiver.url(path()), "eventTypes", List.of("order.*"), "version", 99999999999L)),
				400, "MALFORMED_REQUEST");

		var id = subscribe(path(), "order.*").id();
		expectProblem(get("/webhooks/" + id + "/deliveries?status=lost", TestApiKeys.SUBSCRIBER), 400,
				"INVALID_PARAMETER");
		expectProblem(get("/webhooks/" + id + "/deliveries?limit=100000", TestApiKeys.SUBSCRIBER), 400,
				"VALIDATION_FAILED");
		expectProblem(
				post("/webhooks/" + id + "/replay", TestApiKeys.SUBSCRIBER, Map.of("from", "+10000-01-01T00:00:00Z")),
				400, "INVALID_PARAMETER");
		expectProblem(
				post("/webhooks/" + id + "/replay", TestApiKeys.SUBSCRIBER,
						Map.of("from", "2026-11-28T00:00:00Z", "to", "2026-11-27T00:00:00Z")),
				400, "INVALID_PARAMETER");
		expectProblem(get("/webhooks/" + id + "/deliveries/msg_nope", TestApiKeys.SUBSCRIBER), 404, "NOT_FOUND");
	}

	@Test
	void eventsArriveSignedWithStandardWebhooksHeadersInOrder() throws Exception {
		var path = path();
		var webhook = subscribe(path, "order.created", "order.payment_received");
		var orderId = orders.createOrder();
		orders.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();

		await().atMost(WAIT).until(() -> receiver.received(path).size() >= 2);
		var received = receiver.received(path);
		assertThat(received).hasSize(2);
		for (var request : received) {
			assertThat(request.headers()).containsEntry("content-type", "application/json")
				.containsEntry("user-agent", "event-platform-webhooks/1");
			assertThat(request.headers().get("webhook-id")).matches("msg_[0-9a-f-]{36}");
			var timestamp = Long.parseLong(request.headers().get("webhook-timestamp"));
			assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
			assertThat(verifies(webhook.secret(), request)).isTrue();
			assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), request)).isFalse();
		}
		var first = json.readValue(received.get(0).body(), Map.class);
		var second = json.readValue(received.get(1).body(), Map.class);
		assertThat(first).containsEntry("eventType", "order.created")
			.containsEntry("subject", orderId)
			.containsEntry("sequence", 0);
		assertThat(second).containsEntry("eventType", "order.payment_received").containsEntry("sequence", 1);

		// The receiver has answered; the outcome is recorded a moment later.
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(list("/webhooks/" + webhook.id() + "/deliveries", TestApiKeys.SUBSCRIBER))
				.extracting(d -> d.get("status"))
				.containsOnly("delivered"));
		var detail = get("/webhooks/" + webhook.id() + "/deliveries/" + received.get(0).headers().get("webhook-id"),
				TestApiKeys.SUBSCRIBER)
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		assertThat(detail.get("body")).isEqualTo(received.get(0).body());
		assertThat((List<?>) detail.get("attempts")).hasSize(1)
			.first()
			.extracting(a -> ((Map<?, ?>) a).get("statusCode"))
			.isEqualTo(200);
	}

	@Test
	void aCloudEventsSubscriptionGetsStructuredCloudEvents() {
		var path = path();
		post("/webhooks", TestApiKeys.SUBSCRIBER,
				Map.of("url", receiver.url(path), "eventTypes", List.of("order.created"), "format", "cloudevents"))
			.expectStatus()
			.isCreated();
		var orderId = orders.createOrder();

		await().atMost(WAIT).until(() -> !receiver.received(path).isEmpty());
		var request = receiver.received(path).get(0);
		assertThat(request.headers()).containsEntry("content-type", "application/cloudevents+json");
		var event = json.readValue(request.body(), Map.class);
		assertThat(event).containsEntry("specversion", "1.0")
			.containsEntry("type", "order.created")
			.containsEntry("subject", orderId)
			.containsKeys("id", "source", "time");
		assertThat(map(event.get("data"))).containsEntry("orderId", orderId);
	}

	@Test
	void failingDeliveriesFollowTheScheduleThenWaitAsDeadLettersUntilRetried() {
		var path = path();
		receiver.answer(path, n -> n <= ATTEMPTS ? Answer.status(503, "busy " + n) : Answer.status(200));
		var webhook = subscribe(path, "order.created");
		orders.createOrder();

		await().atMost(WAIT).until(() -> !deadLetters(webhook.id()).isEmpty());
		var dead = deadLetters(webhook.id()).get(0);
		assertThat(dead).containsEntry("attempts", ATTEMPTS).containsEntry("lastStatusCode", 503);
		var detail = get("/webhooks/" + webhook.id() + "/deliveries/" + dead.get("id"), TestApiKeys.SUBSCRIBER)
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) detail.get("attempts")).hasSize(ATTEMPTS)
			.allSatisfy(a -> assertThat(map(a)).containsEntry("statusCode", 503));
		assertThat(((Map<?, ?>) ((List<?>) detail.get("attempts")).get(0)).get("responseExcerpt")).isEqualTo("busy 1");
		// The persisted rounds came after the schedule's waits, not at once.
		var received = receiver.received(path);
		assertThat(Duration.ofNanos(received.get(ATTEMPTS - 1).atNanos() - received.get(0).atNanos()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(600));
		assertThat(list("/dead-letters", TestApiKeys.OPERATOR)).extracting(d -> d.get("id")).contains(dead.get("id"));
		post("/webhooks/" + webhook.id() + "/deliveries/" + dead.get("id") + "/retry", TestApiKeys.SUBSCRIBER, Map.of())
			.expectStatus()
			.isOk();

		await().atMost(WAIT).until(() -> receiver.received(path).size() > ATTEMPTS);
		var retried = receiver.received(path).get(ATTEMPTS);
		assertThat(retried.headers().get("webhook-id")).isEqualTo(dead.get("id"));
		await().atMost(WAIT)
			.until(() -> list("/webhooks/" + webhook.id() + "/deliveries", TestApiKeys.SUBSCRIBER).get(0)
				.get("status")
				.equals("delivered"));
		expectProblem(post("/webhooks/" + webhook.id() + "/deliveries/" + dead.get("id") + "/retry",
				TestApiKeys.SUBSCRIBER, Map.of()), 409, "NOT_A_DEAD_LETTER");
	}

	@Test
	void deadLettersAreRetriedInBulk() {
		var path = path();
		var failing = new java.util.concurrent.atomic.AtomicBoolean(true);
		receiver.answer(path, n -> failing.get() ? Answer.status(500) : Answer.status(204));
		var webhook = subscribe(path, "order.created");
		orders.createOrder();
		orders.createOrder();

		await().atMost(WAIT).until(() -> deadLetters(webhook.id()).size() == 2);
		failing.set(false);
		var queued = post("/webhooks/" + webhook.id() + "/dead-letters/retry", TestApiKeys.SUBSCRIBER, Map.of())
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		assertThat(queued).containsEntry("deliveries", 2);
		await().atMost(WAIT)
			.until(() -> deadLetters(webhook.id()).isEmpty()
					&& list("/webhooks/" + webhook.id() + "/deliveries?status=delivered", TestApiKeys.SUBSCRIBER)
						.size() == 2);
	}

	@Test
	void consecutiveDeadLettersDisableTheSubscriptionTellTheOperatorAndReEnablingReplaysWhatWasMissed()
			throws Exception {
		var path = path();
		var down = new java.util.concurrent.atomic.AtomicBoolean(true);
		receiver.answer(path, n -> down.get() ? Answer.status(500) : Answer.status(200));
		var webhook = subscribe(path, "order.created");
		for (int i = 0; i < 3; i++) {
			orders.createOrder();
		}

		await().atMost(WAIT).until(() -> !(Boolean) read(webhook.id()).get("enabled"));
		assertThat(read(webhook.id())).containsEntry("disabledReason", "failing");
		var history = get("/audit/subjects/" + webhook.id() + "/events", TestApiKeys.AUDIT).expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(history).contains("webhook.subscription.disabled", "system:webhooks");
		await().atMost(WAIT)
			.until(() -> receiver.received(WebhookReceiver.OPERATOR_PATH)
				.stream()
				.anyMatch(r -> r.body().contains(webhook.id())));
		var notice = receiver.received(WebhookReceiver.OPERATOR_PATH)
			.stream()
			.filter(r -> r.body().contains(webhook.id()))
			.findFirst()
			.orElseThrow();
		assertThat(verifies(WebhookReceiver.OPERATOR_SECRET, notice)).isTrue();

		// Missed while disabled, then replayed on re-enabling.
		var before = receiver.received(path).size();
		var missed = orders.createOrder();
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receiver.received(path).size() == before);
		down.set(false);
		patch("/webhooks/" + webhook.id(), TestApiKeys.SUBSCRIBER, Map.of("enabled", true, "replayMissed", true))
			.expectStatus()
			.isOk();
		await().atMost(WAIT).until(() -> receiver.received(path).stream().anyMatch(r -> r.body().contains(missed)));
	}

	@Test
	void anEndpointThatIsGoneDisablesItsSubscriptionAtOnce() {
		var path = path();
		receiver.answer(path, n -> Answer.status(410));
		var webhook = subscribe(path, "order.created");
		orders.createOrder();

		await().atMost(WAIT).until(() -> !(Boolean) read(webhook.id()).get("enabled"));
		assertThat(read(webhook.id())).containsEntry("disabledReason", "gone");
		assertThat(receiver.received(path)).hasSize(1);
		assertThat(deadLetters(webhook.id())).hasSize(1);
	}

	@Test
	void aHungEndpointDoesNotDelayTheOthers() {
		var hung = path();
		var healthy = path();
		receiver.answer(hung, n -> Answer.hangs());
		subscribe(hung, "order.created");
		subscribe(healthy, "order.created");

		var started = System.nanoTime();
		for (int i = 0; i < 30; i++) {
			orders.createOrder();
		}
		await().atMost(WAIT).until(() -> receiver.received(healthy).size() == 30);
		// Well before the hung endpoint's attempts (2 s each) could have let anything
		// through.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		var lastCommandToLastDelivery = receiver.received(healthy).get(29).atNanos() - started;
		assertThat(Duration.ofNanos(lastCommandToLastDelivery)).isLessThan(Duration.ofSeconds(10));
		// The hung endpoint holds at most its in-flight share (16 in the tests) until its
		// attempts time out (2 s).
		var beforeTimeouts = receiver.received(hung)
			.stream()
			.filter(r -> r.atNanos() - started < Duration.ofMillis(1900).toNanos())
			.count();
		assertThat(beforeTimeouts).isBetween(1L, 16L);
	}

	@Test
	void eachSubjectsEventsArriveInOrderUnderConcurrencyAndFailures() throws Exception {
		var path = path();
		// Every third request fails, so retries interleave with new events.
		receiver.answer(path, n -> n % 3 == 0 ? Answer.status(503) : Answer.status(200));
		subscribe(path, "order.*");
		var orderIds = new ArrayList<String>();
		var pool = Executors.newFixedThreadPool(8);
		try {
			var futures = IntStream.range(0, 12).mapToObj(i -> pool.submit(() -> {
				var id = orders.createOrder();
				orders.post("/orders/" + id + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();
				orders.post("/orders/" + id + "/shipment", OrderApi.shipment()).expectStatus().isOk();
				orders.post("/orders/" + id + "/delivery", Map.of()).expectStatus().isOk();
				return id;
			})).toList();
			for (var future : futures) {
				orderIds.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		await().atMost(WAIT)
			.until(() -> receiver.received(path)
				.stream()
				.map(r -> r.headers().get("webhook-id"))
				.distinct()
				.count() >= 48);
		var sequences = new HashMap<String, List<Integer>>();
		for (var request : receiver.received(path)) {
			var envelope = json.readValue(request.body(), Map.class);
			sequences.computeIfAbsent((String) envelope.get("subject"), s -> new ArrayList<>())
				.add((Integer) envelope.get("sequence"));
		}
		assertThat(sequences.keySet()).containsExactlyInAnyOrderElementsOf(orderIds);
		// Retries repeat a sequence number; a later event never overtakes an earlier one.
		sequences.forEach((subject, arrived) -> assertThat(arrived).as(subject).isSorted().contains(0, 1, 2, 3));
	}

	@Test
	void aRotatedSecretSignsBesideTheNewOneDuringTheOverlap() throws Exception {
		var path = path();
		var webhook = subscribe(path, "order.created");
		var rotated = post("/webhooks/" + webhook.id() + "/secret/rotate", TestApiKeys.SUBSCRIBER, Map.of())
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		var newSecret = (String) rotated.get("secret");
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(webhook.secret());
		assertThat(Instant.parse((String) rotated.get("previousSecretExpiresAt"))).isAfter(Instant.now());
		orders.createOrder();

		await().atMost(WAIT).until(() -> !receiver.received(path).isEmpty());
		var request = receiver.received(path).get(0);
		assertThat(request.headers().get("webhook-signature").split(" ")).hasSize(2);
		assertThat(verifies(webhook.secret(), request)).isTrue();
		assertThat(verifies(newSecret, request)).isTrue();
	}

	@Test
	void aReplaySendsARangeAgainWithTheSameWebhookIds() {
		var path = path();
		var webhook = subscribe(path, "order.created");
		var from = Instant.now().minusSeconds(1);
		var orderId = orders.createOrder();
		await().atMost(WAIT).until(() -> receiver.received(path).size() == 1);

		var queued = post("/webhooks/" + webhook.id() + "/replay", TestApiKeys.SUBSCRIBER,
				Map.of("from", from.toString()))
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		assertThat((Integer) queued.get("deliveries")).isGreaterThanOrEqualTo(1);
		await().atMost(WAIT)
			.until(() -> receiver.received(path).stream().filter(r -> r.body().contains(orderId)).count() == 2);
		var twice = receiver.received(path).stream().filter(r -> r.body().contains(orderId)).toList();
		assertThat(twice.get(1).headers().get("webhook-id")).isEqualTo(twice.get(0).headers().get("webhook-id"));
	}

	@Test
	void aDeletedSubscriptionReceivesNothingAndKeepsItsHistory() throws Exception {
		var path = path();
		var webhook = subscribe(path, "order.created");
		delete("/webhooks/" + webhook.id(), TestApiKeys.SUBSCRIBER).expectStatus().isNoContent();
		expectProblem(get("/webhooks/" + webhook.id(), TestApiKeys.SUBSCRIBER), 404, "NOT_FOUND");
		orders.createOrder();

		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receiver.received(path).isEmpty());
		assertThat(get("/audit/subjects/" + webhook.id() + "/events", TestApiKeys.AUDIT).expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("webhook.subscription.deleted");
	}

	// --- helpers

	private static String path() {
		return "/hook-" + UUID.randomUUID();
	}

	private static Map<String, Object> subscription(String path, String... types) {
		return Map.of("url", WebhookReceiver.shared().url(path), "eventTypes", List.of(types));
	}

	private Webhook subscribe(String path, String... types) {
		var body = post("/webhooks", TestApiKeys.SUBSCRIBER, subscription(path, types)).expectStatus()
			.isCreated()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		return new Webhook((String) body.get("id"), (String) body.get("secret"));
	}

	private Map<String, Object> read(String id) {
		return get("/webhooks/" + id, TestApiKeys.SUBSCRIBER).expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
	}

	private List<Map<String, Object>> deadLetters(String id) {
		return list("/webhooks/" + id + "/dead-letters", TestApiKeys.SUBSCRIBER);
	}

	private List<Map<String, Object>> list(String path, String key) {
		return get(path, key).expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
	}

	private List<Object> ids(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isOk()
			.expectBody(LIST)
			.returnResult()
			.getResponseBody()
			.stream()
			.map(w -> w.get("id"))
			.toList();
	}

	private WebTestClient.ResponseSpec get(String path, String key) {
		return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
	}

	private WebTestClient.ResponseSpec delete(String path, String key) {
		return client.delete().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
	}

	private WebTestClient.ResponseSpec post(String path, String key, Object body) {
		return client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec patch(String path, String key, Object body) {
		return client.patch()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/**
	 * The Standard Webhooks check, written from the specification: some {@code v1,}
	 * signature is the base64 HMAC-SHA256 of {@code id.timestamp.body} under the
	 * base64-decoded secret.
	 */
	static boolean verifies(String secret, Received request) throws GeneralSecurityException {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		var signed = request.headers().get("webhook-id") + "." + request.headers().get("webhook-timestamp") + "."
				+ request.body();
		var expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		return List.of(request.headers().get("webhook-signature").split(" ")).contains(expected);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private record Webhook(String id, String secret) {
	}

}
