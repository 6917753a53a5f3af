package dev.eventplatform.platform;

import static dev.eventplatform.platform.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser access to the stream: {@code POST /events/stream/tokens} trades a
 * {@code STREAM} key for a short-lived token, which opens {@code GET /events/stream} as
 * {@code access_token} and is no credential anywhere else; and the dashboard page, open
 * without a key. Expiry is covered by {@code StreamTokensTest} with a fixed clock.
 */
@PlatformIntegrationTest
class StreamTokenIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String TOKENS = "/events/stream/tokens";

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void noStreamOpen() {
		await().atMost(WAIT).until(() -> meters.get("platform.stream.connections").gauge().value() == 0);
	}

	@Test
	void aStreamKeyGetsATokenThatExpiresWithinAMinuteAndIsNotCached() {
		var before = Instant.now();
		var answer = client.post()
			.uri(TOKENS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.STREAM)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(answer).containsOnlyKeys("token", "expiresAt");
		assertThat(answer.get("token").toString()).doesNotContain(TestApiKeys.STREAM);
		assertThat(Instant.parse(answer.get("expiresAt").toString())).isAfter(before.plusSeconds(58))
			.isBefore(Instant.now().plusSeconds(61));
	}

	@Test
	void onlyAKeyWithTheStreamRoleGetsAToken() {
		expectProblem(client.post().uri(TOKENS).exchange(), 401, "UNAUTHENTICATED");
		for (var key : new String[] { TestApiKeys.AUDIT, TestApiKeys.COMMAND_AND_AUDIT, TestApiKeys.OPERATOR }) {
			expectProblem(client.post().uri(TOKENS).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange(), 403,
					"FORBIDDEN");
		}
	}

	@Test
	void theTokenOpensTheStreamAsItsKey() throws Exception {
		var api = new OrderApi(client);
		try (var stream = SseClient.open(port, "/events/stream?types=order.created&access_token=" + token(), null)) {
			assertThat(stream.response().statusCode()).isEqualTo(200);
			var created = api.createOrder();
			var event = stream.events(1, WAIT).get(0);
			assertThat(event.data()).contains("\"subject\":\"" + created + "\"");

			// It counts against its key's cap of 3 streams (PlatformIntegrationTest).
			try (var two = open(TestApiKeys.STREAM);
					var three = open(TestApiKeys.STREAM);
					var refused = SseClient.open(port, "/events/stream?access_token=" + token(), null)) {
				assertThat(two.response().statusCode()).isEqualTo(200);
				assertThat(three.response().statusCode()).isEqualTo(200);
				assertThat(refused.response().statusCode()).isEqualTo(429);
			}
		}
	}

	@Test
	void theTokenIsNoCredentialOnAnyOtherRequest() {
		var token = token();
		for (var path : new String[] { "/orders", "/audit/events", "/schemas", "/webhooks", "/events/stream/tokens",
				"/actuator/prometheus" }) {
			expectUnauthenticated(client.get().uri(path + "?access_token=" + token).exchange());
		}
		expectUnauthenticated(client.post().uri(TOKENS + "?access_token=" + token).exchange());
		client.head().uri("/events/stream?access_token=" + token).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aTamperedOrForeignTokenIsRefusedBeforeTheStreamOpens() {
		var token = token();
		var last = token.charAt(token.length() - 1);
		var tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'Q' : 'A');
		for (var bad : new String[] { tampered, "not-a-token", TestApiKeys.STREAM }) {
			expectUnauthenticated(stream("/events/stream?access_token=" + bad).exchange()).jsonPath("$.detail")
				.value(detail -> assertThat(detail.toString()).contains("POST /events/stream/tokens"));
		}
	}

	@Test
	void aTokenBesideAKeyOrTwoTokensAreRefused() {
		var token = token();
		expectUnauthenticated(stream("/events/stream?access_token=" + token)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.STREAM)
			.exchange());
		expectUnauthenticated(stream("/events/stream?access_token=" + token + "&access_token=" + token).exchange());
	}

	@Test
	void theDashboardIsServedWithoutAKeyUnderAStrictContentSecurityPolicy() {
		client.get().uri("/dashboard").exchange().expectStatus().isFound().expectHeader().location("/dashboard/");
		for (var authorization : new String[] { null, "Bearer not-a-key" }) {
			var page = client.get().uri("/dashboard/");
			if (authorization != null) {
				page.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			page.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.value("Content-Security-Policy",
						policy -> assertThat(policy).contains("script-src 'self'", "connect-src 'self'")
							.doesNotContain("unsafe-inline"))
				.expectBody(String.class)
				.value(html -> assertThat(html).contains("<script src=\"dashboard.js\" defer></script>")
					.doesNotContainPattern("<script>|<style|on(click|load|submit)="));
		}
		client.get().uri("/dashboard/dashboard.js").exchange().expectStatus().isOk();
		client.head().uri("/dashboard/dashboard.css").exchange().expectStatus().isOk();
		client.get().uri("/dashboard/missing.js").exchange().expectStatus().isNotFound();
		expectUnauthenticated(client.post().uri("/dashboard/").exchange());
	}

	@Test
	void theDescriptionHasTheTokenEndpointAndTheStreamsTokenParameter() {
		var description = JsonMapper.shared()
			.readTree(client.mutate()
				.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
				.responseTimeout(Duration.ofSeconds(30))
				.build()
				.get()
				.uri("/v3/api-docs")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
		var create = description.path("paths").path(TOKENS).path("post");
		assertThat(create.path("responses").has("201")).isTrue();
		assertThat(create.path("security").toString()).contains("STREAM");
		assertThat(description.path("paths").path("/events/stream").path("get").path("parameters").toString())
			.contains("\"name\":\"access_token\"", "\"in\":\"query\"");
	}

	private String token() {
		return client.post()
			.uri(TOKENS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.STREAM)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token")
			.toString();
	}

	private SseClient open(String key) throws Exception {
		return SseClient.open(port, "/events/stream", key);
	}

	private WebTestClient.RequestHeadersSpec<?> stream(String uri) {
		return client.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM);
	}

	private static WebTestClient.BodyContentSpec expectUnauthenticated(WebTestClient.ResponseSpec response) {
		response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return expectProblem(response, 401, "UNAUTHENTICATED");
	}

}
