package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code 201} from the embedded default means the event survives a crash of the
 * process: the platform is killed with SIGKILL while clients create orders, restarted
 * over the same data directory, and every order it acknowledged must be in the event
 * store.
 */
class EmbeddedDefaultCrashTests {

	private static final int CLIENTS = 12;

	/**
	 * The kill comes once both are reached (or after {@link #LOAD_LIMIT}), with every
	 * client still sending.
	 */
	private static final Duration LOAD = Duration.ofSeconds(3);

	private static final int ENOUGH_ORDERS = 300;

	private static final Duration LOAD_LIMIT = Duration.ofSeconds(20);

	private static final String ORDER = """
			{"customerId":"cust-crash","currency":"EUR","lines":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99}]}""";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path dataDirectory;

	@Test
	void everyAcknowledgedOrderSurvivesAKillDashNine() throws Exception {
		Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
		try (var platform = start("embedded-before-crash")) {
			var create = HttpRequest.newBuilder(platform.awaitHealthy(Duration.ofSeconds(90)).resolve("/orders"))
				.header(HttpHeaders.AUTHORIZATION, "Bearer demo-command-key")
				.header(HttpHeaders.CONTENT_TYPE, "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(ORDER))
				.timeout(Duration.ofSeconds(20))
				.build();
			var killed = new AtomicBoolean();
			var clients = Executors.newFixedThreadPool(CLIENTS);
			for (int i = 0; i < CLIENTS; i++) {
				clients.execute(() -> createOrdersUntilKilled(create, killed, acknowledged));
			}
			awaitLoad(acknowledged);
			platform.kill();
			killed.set(true);
			clients.shutdown();
			assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("clients stopped").isTrue();
		}
		assertThat(acknowledged).as("orders answered 201 before the kill").isNotEmpty();

		try (var platform = start("embedded-after-crash",
				// Nothing from before the crash can still commit: the audit cursor need
				// not wait at holes.
				"--platform.event-log.settle-timeout=0s")) {
			var missing = new ArrayList<>(acknowledged);
			missing.removeAll(createdSubjects(platform.awaitHealthy(Duration.ofSeconds(90))));
			assertThat(missing)
				.as("of %d orders answered 201 before the kill, missing after the restart", acknowledged.size())
				.isEmpty();
		}
	}

	private static void awaitLoad(Queue<String> acknowledged) {
		var limit = System.nanoTime() + LOAD_LIMIT.toNanos();
		await().pollDelay(LOAD)
			.pollInterval(Duration.ofMillis(100))
			.atMost(LOAD_LIMIT.plusSeconds(5))
			.until(() -> acknowledged.size() >= ENOUGH_ORDERS || System.nanoTime() >= limit);
	}

	private ChildJvm start(String name, String... args) {
		var arguments = new ArrayList<>(List.of("--platform.data-directory=" + dataDirectory));
		arguments.addAll(List.of(args));
		return ChildJvm.mainClass(name, PlatformApplication.class, arguments.toArray(String[]::new));
	}

	/**
	 * Remembers the id of every order answered 201; a failed exchange is expected once
	 * the platform is gone.
	 */
	private static void createOrdersUntilKilled(HttpRequest create, AtomicBoolean killed, Queue<String> acknowledged) {
		while (!killed.get()) {
			try {
				var response = HTTP.send(create, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 201) {
					var location = response.headers().firstValue(HttpHeaders.LOCATION).orElseThrow();
					acknowledged.add(location.substring(location.lastIndexOf('/') + 1));
				}
			}
			catch (IOException ex) {
				// The platform was killed while this request was in flight, or before it
				// connected.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The subjects of every {@code order.created} event, paged through the audit log. */
	private static Set<String> createdSubjects(URI base) throws IOException, InterruptedException {
		var subjects = new HashSet<String>();
		var page = auditPage(base, "");
		page.get("events").forEach(event -> subjects.add(event.get("subject").asString()));
		while (page.get("hasMore").asBoolean()) {
			page = auditPage(base, "&after=" + page.get("next").asString());
			page.get("events").forEach(event -> subjects.add(event.get("subject").asString()));
		}
		return subjects;
	}

	private static JsonNode auditPage(URI base, String after) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(base.resolve("/audit/events?type=order.created&limit=1000" + after))
			.header(HttpHeaders.AUTHORIZATION, "Bearer demo-audit-key")
			.build();
		var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

}
