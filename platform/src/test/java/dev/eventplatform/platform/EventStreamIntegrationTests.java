package dev.eventplatform.platform;

import static dev.eventplatform.platform.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import dev.eventplatform.platform.SseClient.Frame;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /events/stream} with a raw client on a real port: filters, live events,
 * resume by id with no gap and no duplicate, a late commit around the resume point,
 * keepalives, access and the cap per key. {@link PlatformIntegrationTest} sets a 1 s
 * keepalive, which also lets the server notice closed clients within a second or two, and
 * a cap of 3 streams per key.
 */
@PlatformIntegrationTest
class EventStreamIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CREATIONS = "/events/stream?types=order.created";

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer serializer;

	@Autowired
	MeterRegistry meters;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
		// Each test starts with no stream open: the previous test's closed clients have
		// been noticed.
		await().atMost(WAIT).until(() -> meters.get("platform.stream.connections").gauge().value() == 0);
	}

	@Test
	void opensAtOnceWithAJitteredRetryHintAndHeadersThatDisableCachingAndBuffering() throws Exception {
		try (var stream = open(CREATIONS)) {
			var headers = stream.response().headers();
			assertThat(stream.response().statusCode()).isEqualTo(200);
			assertThat(headers.firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
			assertThat(headers.firstValue("Cache-Control"))
				.hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
			assertThat(headers.firstValue("X-Accel-Buffering")).contains("no");
			assertThat(headers.firstValue("Content-Encoding")).isEmpty();
			var first = stream.next(Duration.ofSeconds(2));
			assertThat(first.data()).isNull();
			assertThat(Long.parseLong(first.retry())).isBetween(2000L, 5000L);
		}
	}

	@Test
	void liveEventsArriveFilteredByTypeAndSubject() throws Exception {
		var x = api.createOrder();
		var y = api.createOrder();
		try (var creations = open(CREATIONS); var ofX = open("/events/stream?types=order.*&subject=" + x)) {
			var z = api.createOrder();
			pay(y);
			pay(x);
			var w = api.createOrder();

			var created = creations.events(2, WAIT);
			assertThat(created).extracting(Frame::event).containsOnly("order.created");
			assertThat(created).extracting(EventStreamIntegrationTests::subject).containsExactly(z, w);
			assertThat(created.get(0).data()).contains("\"eventType\":\"order.created\"").doesNotContain("principal");
			assertThat(created.get(1).position()).isGreaterThan(created.get(0).position());

			var paid = ofX.events(1, WAIT).get(0);
			assertThat(paid.event()).isEqualTo("order.payment_received");
			assertThat(subject(paid)).isEqualTo(x);
			ofX.expectNoEvent(Duration.ofMillis(500));
		}
	}

	@Test
	void aResumeBeyondTheReplayBudgetIsToldSoInBandThenGoesOnLive() throws Exception {
		// PlatformIntegrationTest sets a budget of 100 positions: 101 creations pass it.
		for (int i = 0; i < 101; i++) {
			api.createOrder();
		}
		try (var stream = open(CREATIONS + "&after=0")) {
			var told = stream.events(1, WAIT).get(0);
			assertThat(told.event()).isEqualTo("position-too-old");
			assertThat(told.id()).isNull();
			var body = new tools.jackson.databind.json.JsonMapper().readTree(told.data());
			assertThat(body.path("requested").asLong()).isZero();
			assertThat(body.path("oldest").asLong()).isPositive();
			var live = api.createOrder();
			assertThat(subject(stream.events(1, WAIT).get(0))).isEqualTo(live);
		}
		var catchUps = meters.get("platform.stream.catch.up.events").summary().count();
		try (var stream = open(CREATIONS + "&after=" + (head() - 50))) {
			assertThat(stream.events(1, WAIT).get(0).event()).isEqualTo("order.created");
		}
		assertThat(meters.get("platform.stream.catch.up.events").summary().count()).isGreaterThan(catchUps);
	}

	@Test
	void aStreamIsClosedAtItsMaximumLifetimeWithAReason() throws Exception {
		// PlatformIntegrationTest sets 8 s, less up to a tenth.
		try (var stream = open(CREATIONS)) {
			var started = System.nanoTime();
			SseClient.Frame frame;
			do {
				frame = stream.next(Duration.ofSeconds(12));
			}
			while (frame != null && !"stream-closed".equals(frame.event()));
			assertThat(frame).isNotNull();
			assertThat(frame.data()).isEqualTo("{\"reason\":\"lifetime\"}");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(7),
					Duration.ofSeconds(10));
		}
	}

	@Test
	void resumesAfterADisconnectFromLastEventIdWithNoGapAndNoDuplicate() throws Exception {
		long lastSeen = idOfACreationSeenLive();
		var b = api.createOrder();
		var c = api.createOrder();

		// The header wins over the query parameter.
		try (var resumed = open(CREATIONS + "&after=0", "Last-Event-ID", Long.toString(lastSeen))) {
			var replayed = resumed.events(2, WAIT);
			var d = api.createOrder();
			var live = resumed.events(1, WAIT);
			assertThat(List.of(subject(replayed.get(0)), subject(replayed.get(1)), subject(live.get(0))))
				.containsExactly(b, c, d);
			assertThat(replayed.get(0).position()).isGreaterThan(lastSeen);
			assertThat(live.get(0).position()).isGreaterThan(replayed.get(1).position());
			resumed.expectNoEvent(Duration.ofMillis(500));

			try (var firstConnection = open(CREATIONS + "&after=" + replayed.get(0).id())) {
				assertThat(firstConnection.events(2, WAIT)).extracting(EventStreamIntegrationTests::subject)
					.containsExactly(c, d);
			}
		}
	}

	@Test
	void anEventCommittedLateAroundTheResumePointIsDeliveredNotSkipped() throws Exception {
		long lastSeen = idOfACreationSeenLive();
		var lateOrder = UUID.randomUUID().toString();
		try (var late = dataSource.getConnection()) {
			late.setAutoCommit(false);
			new LateCommits(serializer).insertCreatedEvent(late, lateOrder);
			var onTime = api.createOrder();
			try (var resumed = open(CREATIONS, "Last-Event-ID", Long.toString(lastSeen))) {
				// The open transaction holds the horizon: nothing after it goes out, not
				// even onTime.
				resumed.expectNoEvent(Duration.ofSeconds(1));
				late.commit();
				assertThat(resumed.events(2, WAIT)).extracting(EventStreamIntegrationTests::subject)
					.containsExactly(lateOrder, onTime);
			}
		}
	}

	@Test
	void aQuietStreamGetsKeepaliveComments() throws Exception {
		try (var stream = open("/events/stream?subject=" + UUID.randomUUID())) {
			assertThat(stream.next(Duration.ofSeconds(2)).retry()).isNotNull();
			var keepalive = stream.next(Duration.ofSeconds(3));
			assertThat(keepalive).isEqualTo(new Frame(null, null, null, null, List.of("keepalive")));
		}
	}

	@Test
	void needsAKeyWithTheStreamRole() {
		expectProblem(request("/events/stream", null).exchange(), 401, "UNAUTHENTICATED");
		expectProblem(request("/events/stream", TestApiKeys.AUDIT).exchange(), 403, "FORBIDDEN");
	}

	@Test
	void malformedIdsAndUnknownTypesAreRefusedBeforeTheStreamOpens() {
		for (var id : List.of("abc", "-1", "1.5", "12345678901234567890", "7,8")) {
			expectProblem(request("/events/stream", TestApiKeys.STREAM).header("Last-Event-ID", id).exchange(), 400,
					"INVALID_EVENT_ID");
		}
		expectProblem(request("/events/stream?after=x", TestApiKeys.STREAM).exchange(), 400, "INVALID_EVENT_ID");
		for (var types : List.of("order.unknown", "order", "order.created,nothing.*")) {
			expectProblem(request("/events/stream?types=" + types, TestApiKeys.STREAM).exchange(), 400,
					"UNKNOWN_EVENT_TYPE");
		}
		for (var version : List.of("2", "0", "9999")) {
			expectProblem(request("/events/stream?types=order.*&version=" + version, TestApiKeys.STREAM).exchange(),
					400, "UNSUPPORTED_EVENT_VERSION");
		}
		for (var version : List.of("99999999999", "x", "1.0", "-1")) {
			expectProblem(request("/events/stream?version=" + version, TestApiKeys.STREAM).exchange(), 400,
					"INVALID_PARAMETER");
		}
	}

	@Test
	void theCurrentVersionCanBePinned() throws Exception {
		try (var stream = open(CREATIONS + "&version=1")) {
			var created = api.createOrder();
			var event = stream.events(1, WAIT).get(0);
			assertThat(subject(event)).isEqualTo(created);
			assertThat(event.data()).contains("\"version\":1");
		}
	}

	@Test
	void streamsPerKeyAreCappedAndFreedWhenClientsLeave() throws Exception {
		double goneBefore = meters.counter("platform.stream.disconnects", "reason", "client-gone").count();
		try (var one = open(CREATIONS); var two = open(CREATIONS); var three = open(CREATIONS)) {
			try (var refused = open(CREATIONS)) {
				assertThat(refused.response().statusCode()).isEqualTo(429);
				assertThat(refused.response().headers().firstValue("Content-Type"))
					.contains("application/problem+json");
				assertThat(String.join("", refused.response().body().toList()))
					.contains("\"code\":\"TOO_MANY_STREAMS\"");
			}
		}
		await().atMost(WAIT).until(() -> meters.get("platform.stream.connections").gauge().value() == 0);
		assertThat(meters.counter("platform.stream.disconnects", "reason", "client-gone").count())
			.isGreaterThanOrEqualTo(goneBefore + 3);
		try (var again = open(CREATIONS)) {
			assertThat(again.response().statusCode()).isEqualTo(200);
		}
	}

	/**
	 * Creates an order while a stream is open, and returns the id the stream sent for it;
	 * the stream is closed after.
	 */
	private long head() {
		return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
			.sql("SELECT MAX(global_index) FROM domain_event_entry")
			.query(Long.class)
			.single();
	}

	private long idOfACreationSeenLive() throws Exception {
		try (var first = open(CREATIONS)) {
			api.createOrder();
			return first.events(1, WAIT).get(0).position();
		}
	}

	private SseClient open(String path, String... headers) throws Exception {
		return SseClient.open(port, path, TestApiKeys.STREAM, headers);
	}

	private WebTestClient.RequestHeadersSpec<?> request(String path, String key) {
		var request = client.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM);
		return key == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
	}

	private void pay(String orderId) {
		api.post("/orders/" + orderId + "/payments", OrderApi.payment("30.00")).expectStatus().is2xxSuccessful();
	}

	private static String subject(Frame event) {
		var matcher = java.util.regex.Pattern.compile("\"subject\":\"([^\"]+)\"").matcher(event.data());
		assertThat(matcher.find()).as("subject in %s", event.data()).isTrue();
		return matcher.group(1);
	}

}
