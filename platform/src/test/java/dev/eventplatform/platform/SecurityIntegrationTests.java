package dev.eventplatform.platform;

import static dev.eventplatform.platform.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.infrastructure.security.SecurityProperties;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint group against every key: no key or an unknown key is 401, a key without the
 * group's role is 403, and a key with it gets past security (whatever the endpoint then answers).
 */
@PlatformIntegrationTest
class SecurityIntegrationTests {

	private static final List<String> ALL_KEYS = List.of(TestApiKeys.COMMAND, TestApiKeys.AUDIT,
			TestApiKeys.SUBSCRIBER, TestApiKeys.STREAM, TestApiKeys.OPERATOR);

	@Autowired
	WebTestClient client;

	static Stream<Arguments> endpointGroups() {
		return Stream.of(
				Arguments.of(HttpMethod.POST, "/orders", Set.of(TestApiKeys.COMMAND)),
				Arguments.of(HttpMethod.POST, "/orders/some-id/payments", Set.of(TestApiKeys.COMMAND)),
				Arguments.of(HttpMethod.GET, "/orders", Set.of(TestApiKeys.COMMAND, TestApiKeys.AUDIT)),
				Arguments.of(HttpMethod.GET, "/orders/some-id", Set.of(TestApiKeys.COMMAND, TestApiKeys.AUDIT)),
				Arguments.of(HttpMethod.GET, "/audit/events", Set.of(TestApiKeys.AUDIT)),
				Arguments.of(HttpMethod.GET, "/audit/subjects/some-id/events", Set.of(TestApiKeys.AUDIT)),
				Arguments.of(HttpMethod.GET, "/schemas", Set.copyOf(ALL_KEYS)),
				Arguments.of(HttpMethod.GET, "/schemas/order.created/versions/1", Set.copyOf(ALL_KEYS)),
				Arguments.of(HttpMethod.GET, "/webhooks", Set.of(TestApiKeys.SUBSCRIBER, TestApiKeys.OPERATOR)),
				Arguments.of(HttpMethod.GET, "/events/stream", Set.of(TestApiKeys.STREAM)),
				Arguments.of(HttpMethod.GET, "/processors", Set.of(TestApiKeys.OPERATOR)),
				Arguments.of(HttpMethod.GET, "/actuator/prometheus", Set.of(TestApiKeys.OPERATOR)));
	}

	static Stream<Arguments> readGroups() {
		return endpointGroups().filter(group -> group.get()[0] == HttpMethod.GET);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpointGroups")
	void onlyTheGroupsRolesGetThrough(HttpMethod method, String path, Set<String> allowed) {
		expectProblem(request(method, path).exchange(), 401, "UNAUTHENTICATED");
		expectProblem(request(method, path).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key").exchange(), 401,
				"UNAUTHENTICATED");
		for (var key : ALL_KEYS) {
			var response = request(method, path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
			if (allowed.contains(key)) {
				assertThat(response.returnResult(String.class).getStatus().value()).as("%s with %s", path, key)
					.isNotIn(401, 403);
			}
			else {
				expectProblem(response, 403, "FORBIDDEN");
			}
		}
	}

	/** HEAD is GET without a body, so every key gets the same answer to both. */
	@ParameterizedTest(name = "HEAD {1}")
	@MethodSource("readGroups")
	void headIsAuthorisedLikeGet(HttpMethod method, String path, Set<String> allowed) {
		var authorizations = new ArrayList<String>(ALL_KEYS.stream().map(key -> "Bearer " + key).toList());
		authorizations.add("Bearer not-a-key");
		for (var authorization : authorizations) {
			var get = client.get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
			var head = client.head().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
			assertThat(head.returnResult(Void.class).getStatus()).as("HEAD %s with %s", path, authorization)
				.isEqualTo(get.returnResult(Void.class).getStatus());
		}
	}

	@ParameterizedTest
	@MethodSource("healthPaths")
	void healthIsOpen(String path) {
		client.get().uri(path).exchange().expectStatus().isOk();
	}

	/** Health authenticates nothing: a probe that happens to carry a wrong or odd credential is still answered. */
	@ParameterizedTest
	@MethodSource("healthPaths")
	void healthIgnoresCredentials(String path) {
		for (var authorization : List.of("Bearer not-a-key", "Bearer " + TestApiKeys.AUDIT, "Basic dXNlcjpwYXNz")) {
			client.get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange().expectStatus().isOk();
		}
		client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key", "Bearer " + TestApiKeys.AUDIT)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** With two credentials it is unclear who is asking: refused before either is looked at. */
	@Test
	void twoAuthorizationHeadersAreRefused() {
		expectProblem(client.get()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT, "Bearer not-a-key")
			.exchange(), 400, "DUPLICATE_HEADER")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("Authorization"));
		expectProblem(client.get()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT, "Bearer " + TestApiKeys.AUDIT)
			.exchange(), 400, "DUPLICATE_HEADER");
	}

	/** The bound configuration keeps digests only; the plaintext stays in the Environment alone. */
	@Test
	void theBoundKeysHoldNoPlaintext(@Autowired SecurityProperties properties) throws IllegalAccessException {
		assertThat(properties.apiKeys()).hasSize(ALL_KEYS.size());
		for (var apiKey : properties.apiKeys()) {
			for (var field : apiKey.getClass().getDeclaredFields()) {
				field.setAccessible(true);
				var value = field.get(apiKey);
				var text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(value);
				assertThat(ALL_KEYS).as(field.getName()).doesNotContain(text);
			}
			assertThat(apiKey.toString()).doesNotContain(ALL_KEYS);
		}
	}

	static Stream<String> healthPaths() {
		return Stream.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");
	}

	private WebTestClient.RequestBodySpec request(HttpMethod method, String path) {
		return client.method(method).uri(path).contentType(MediaType.APPLICATION_JSON);
	}

}
