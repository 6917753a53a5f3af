package dev.eventplatform.notification.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.eventplatform.notification.webhook.WebhookProperties;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.ClaimedDelivery;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.Verdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One round of a delivery against a real HTTP server on loopback: how each answer is
 * judged, the quick attempts, {@code Retry-After}, the bounded excerpt and the circuit
 * breaker.
 */
class WebhookSenderTest {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private WebhookSender sender;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.createContext("/", exchange -> {
			try (exchange) {
				var path = exchange.getRequestURI().getPath();
				hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
				exchange.getRequestBody().readAllBytes();
				var answer = answers.getOrDefault(path, new Answer(200, "", Map.of()));
				answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				var body = answer.body().getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
				if (body.length > 0) {
					exchange.getResponseBody().write(body);
				}
			}
		});
		server.start();
		sender = new WebhookSender(properties(10), Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		server.stop(0);
		sender.destroy();
	}

	@ParameterizedTest(name = "{0} is {1} after {2} attempts")
	@CsvSource({ "200, DELIVERED, 1", "204, DELIVERED, 1", "410, GONE, 1", "400, REJECTED, 1", "401, REJECTED, 1",
			"302, REJECTED, 1", "408, TRANSIENT, 3", "429, TRANSIENT, 3", "500, TRANSIENT, 3", "503, TRANSIENT, 3" })
	void judgesEachAnswerAndRetriesOnlyWhatMayPass(int status, Verdict verdict, int attempts) {
		var path = "/status-" + status;
		answers.put(path, new Answer(status, "", Map.of()));

		var outcome = sender.send(delivery(path)).block(Duration.ofSeconds(10));

		assertThat(outcome.verdict()).isEqualTo(verdict);
		assertThat(outcome.attempts()).hasSize(attempts).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(status));
		assertThat(hits.get(path)).hasValue(attempts);
	}

	@Test
	void aRetryAfterEndsTheRoundAndIsKeptForTheSchedule() {
		answers.put("/later", new Answer(429, "", Map.of("Retry-After", "120")));

		var outcome = sender.send(delivery("/later")).block(Duration.ofSeconds(10));

		assertThat(outcome.verdict()).isEqualTo(Verdict.TRANSIENT);
		assertThat(outcome.attempts()).hasSize(1);
		assertThat(outcome.last().retryAfter()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void noAnswerIsATransientFailureWithItsReason() throws IOException {
		var closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		var port = closed.getLocalPort();
		closed.close();

		var outcome = sender.send(delivery("http://127.0.0.1:" + port + "/gone-away", true))
			.block(Duration.ofSeconds(10));

		assertThat(outcome.verdict()).isEqualTo(Verdict.TRANSIENT);
		assertThat(outcome.attempts()).hasSize(3).allSatisfy(a -> {
			assertThat(a.statusCode()).isNull();
			assertThat(a.error()).isNotBlank();
		});
	}

	@Test
	void keepsOnlyTheFirstThousandBytesOfAnAnswer() {
		answers.put("/chatty", new Answer(500, "x".repeat(100_000), Map.of()));

		var outcome = sender.send(delivery("/chatty")).block(Duration.ofSeconds(10));

		assertThat(outcome.last().responseExcerpt()).hasSize(WebhookSender.EXCERPT_BYTES);
	}

	@Test
	void anEndpointThatKeepsFailingOpensItsBreakerAndIsLeftAlone() {
		answers.put("/down", new Answer(500, "", Map.of()));
		var delivery = delivery("/down");

		// 10 calls at least, half failing: the fourth round (3 attempts each) opens it.
		for (int round = 0; round < 4; round++) {
			sender.send(delivery).block(Duration.ofSeconds(10));
		}
		var hitsWhenOpen = hits.get("/down").get();
		var outcome = sender.send(delivery).block(Duration.ofSeconds(10));

		assertThat(breaker(delivery.subscriptionId()).getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_SENT);
		assertThat(hits.get("/down")).hasValue(hitsWhenOpen);
	}

	private CircuitBreaker breaker(String subscriptionId) {
		return StreamSupport.stream(sender.breakers().spliterator(), false)
			.filter(b -> b.getName().equals(subscriptionId))
			.findFirst()
			.orElseThrow();
	}

	private ClaimedDelivery delivery(String path) {
		return delivery("http://127.0.0.1:" + server.getAddress().getPort() + path, true);
	}

	private ClaimedDelivery delivery(String url, boolean unused) {
		return new ClaimedDelivery("msg_" + UUID.randomUUID(), UUID.randomUUID().toString(), url,
				UUID.randomUUID().toString(), Instant.now(), "{\"hello\":1}", "application/json", 0, 0,
				List.of(SECRET));
	}

	private static WebhookProperties properties(int minimumCalls) {
		return new WebhookProperties(true, List.of(Duration.ofMillis(100)), 0, 3, Duration.ofMillis(10), 5,
				Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2),
				Duration.ofSeconds(30), 64, 16, 64, Duration.ofMillis(100),
				new WebhookProperties.CircuitBreaker(50, minimumCalls, Duration.ofMinutes(1)),
				new WebhookProperties.OperatorNotification(null, null));
	}

	private record Answer(int status, String body, Map<String, String> headers) {
	}

}
