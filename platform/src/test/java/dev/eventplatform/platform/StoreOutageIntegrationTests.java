package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database going away (issue 7, item 2): its connections are terminated and new ones
 * refused. Commands and reads answer 503 STORE_UNAVAILABLE with Retry-After within 5 s,
 * readiness goes down, and once the database is back everything works again with nothing
 * lost. A context of its own, so that no other test meets the outage.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "spring.application.name=outage")
class StoreOutageIntegrationTests {

	private static final Duration QUICK = Duration.ofSeconds(5);

	@Autowired
	WebTestClient client;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String user;

	@Value("${spring.datasource.password}")
	String password;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client.mutate().responseTimeout(Duration.ofSeconds(15)).build());
	}

	@AfterEach
	void databaseIsBack() throws Exception {
		admin("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS true");
	}

	@Test
	void whileTheDatabaseIsAwayEveryRequestIsAQuick503AndAfterwardsNothingIsLost() throws Exception {
		var before = api.createOrder();

		admin("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS false");
		admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database() + "'");

		unavailableQuickly(() -> api.post("/orders", OrderApi.TWO_LINES));
		unavailableQuickly(() -> api.post("/orders/" + before + "/payments", OrderApi.payment("30.00")));
		unavailableQuickly(() -> api.get("/orders/" + before, TestApiKeys.AUDIT));
		unavailableQuickly(() -> api.get("/audit/events?limit=5", TestApiKeys.AUDIT));
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

		databaseIsBack();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
		var after = api.createOrder();
		api.post("/orders/" + before + "/payments", OrderApi.payment("30.00")).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			api.get("/orders/" + after, TestApiKeys.AUDIT).expectStatus().isOk();
			api.get("/orders/" + before, TestApiKeys.AUDIT).expectBody().jsonPath("$.status").isEqualTo("PAID");
		});
	}

	private static void unavailableQuickly(Supplier<WebTestClient.ResponseSpec> request) {
		long started = System.nanoTime();
		request.get()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("STORE_UNAVAILABLE");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
	}

	private String database() {
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private void admin(String sql) throws Exception {
		try (var connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user,
				password); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
