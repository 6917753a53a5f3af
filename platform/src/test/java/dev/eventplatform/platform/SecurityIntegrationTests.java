package dev.eventplatform.platform;

import static dev.eventplatform.platform.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.infrastructure.security.Role;
import dev.eventplatform.infrastructure.security.SecurityProperties;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint group against every key: no key or an unknown key is 401, a key without
 * any of the group's roles is 403, and a key with one of them gets past security to an
 * answer that is not a server error (whatever else the endpoint then answers).
 */
@PlatformIntegrationTest
class SecurityIntegrationTests {

	/** Each test key with its roles, as {@code application-test.yml} defines them. */
	private static final Map<String, Set<Role>> KEYS = Map.of(TestApiKeys.COMMAND, Set.of(Role.COMMAND),
			TestApiKeys.AUDIT, Set.of(Role.AUDIT), TestApiKeys.SUBSCRIBER, Set.of(Role.SUBSCRIBER), TestApiKeys.STREAM,
			Set.of(Role.STREAM), TestApiKeys.OPERATOR, Set.of(Role.OPERATOR), TestApiKeys.COMMAND_AND_AUDIT,
			Set.of(Role.COMMAND, Role.AUDIT), TestApiKeys.OTHER_SUBSCRIBER, Set.of(Role.SUBSCRIBER));

	@Autowired
	WebTestClient client;

	/**
	 * Every endpoint group with a finite answer, and the status an allowed key gets (the
	 * ids do not exist, the bodies are missing); the event stream's roles are checked by
	 * {@code EventStreamIntegrationTests}, since its body never ends.
	 */
	static Stream<Arguments> endpointGroups() {
		return Stream.of(Arguments.of(HttpMethod.POST, "/orders", Set.of(Role.COMMAND), 400),
				Arguments.of(HttpMethod.POST, "/orders/some-id/payments", Set.of(Role.COMMAND), 400),
				Arguments.of(HttpMethod.GET, "/orders", Set.of(Role.COMMAND, Role.AUDIT), 200),
				Arguments.of(HttpMethod.GET, "/orders/some-id", Set.of(Role.COMMAND, Role.AUDIT), 404),
				Arguments.of(HttpMethod.GET, "/audit/events", Set.of(Role.AUDIT), 200),
				Arguments.of(HttpMethod.GET, "/audit/subjects/some-id/events", Set.of(Role.AUDIT), 404),
				Arguments.of(HttpMethod.GET, "/schemas", EnumSet.allOf(Role.class), 200),
				Arguments.of(HttpMethod.GET, "/schemas/order.created/versions/1", EnumSet.allOf(Role.class), 200),
				Arguments.of(HttpMethod.GET, "/webhooks", Set.of(Role.SUBSCRIBER, Role.OPERATOR), 200),
				Arguments.of(HttpMethod.GET, "/webhooks/some-id/deliveries", Set.of(Role.SUBSCRIBER, Role.OPERATOR),
						404),
				Arguments.of(HttpMethod.GET, "/dead-letters", Set.of(Role.OPERATOR), 200),
				Arguments.of(HttpMethod.POST, "/events/stream/tokens", Set.of(Role.STREAM), 201),
				Arguments.of(HttpMethod.GET, "/processors", Set.of(Role.OPERATOR), 200),
				Arguments.of(HttpMethod.GET, "/actuator/prometheus", Set.of(Role.OPERATOR), 200),
				Arguments.of(HttpMethod.GET, "/actuator/metrics", Set.of(Role.OPERATOR), 200));
	}

	/**
	 * The event stream never ends, so its HEAD and GET are compared by the stream's own
	 * tests.
	 */
	static Stream<Arguments> readGroups() {
		return endpointGroups()
			.filter(group -> group.get()[0] == HttpMethod.GET && !"/events/stream".equals(group.get()[1]));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpointGroups")
	void onlyTheGroupsRolesGetThrough(HttpMethod method, String path, Set<Role> allowed, int status) {
		expectUnauthenticated(request(method, path).exchange());
		expectUnauthenticated(request(method, path).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key").exchange());
		for (var key : KEYS.entrySet()) {
			var response = request(method, path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key.getKey()).exchange();
			if (!Collections.disjoint(key.getValue(), allowed)) {
				response.expectStatus()
					.value(answered -> assertThat(answered).as("%s with %s", path, key).isEqualTo(status));
			}
			else {
				expectProblem(response, 403, "FORBIDDEN");
			}
		}
	}

	/** HEAD is GET without a body, so every key gets the same answer to both. */
	@ParameterizedTest(name = "HEAD {1}")
	@MethodSource("readGroups")
	void headIsAuthorisedLikeGet(HttpMethod method, String path, Set<Role> allowed, int status) {
		var authorizations = new ArrayList<String>(KEYS.keySet().stream().map(key -> "Bearer " + key).toList());
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

	/**
	 * Health authenticates nothing: a probe that happens to carry a wrong or odd
	 * credential is still answered.
	 */
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

	/**
	 * RFC 9110 auth schemes are case-insensitive: {@code bearer} and {@code BEARER} are
	 * {@code Bearer}.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "bearer", "BEARER" })
	void theSchemeIsCaseInsensitive(String scheme) {
		client.get()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, scheme + " " + TestApiKeys.AUDIT)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * With two credentials it is unclear who is asking: refused before either is looked
	 * at.
	 */
	@Test
	void twoAuthorizationHeadersAreRefused() {
		expectProblem(client.get()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT, "Bearer not-a-key")
			.exchange(), 400, "DUPLICATE_HEADER").jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("Authorization"));
		expectProblem(client.get()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT, "Bearer " + TestApiKeys.AUDIT)
			.exchange(), 400, "DUPLICATE_HEADER");
	}

	/**
	 * The bound configuration keeps digests only; the plaintext stays in the Environment
	 * alone.
	 */
	@Test
	void theBoundKeysHoldNoPlaintext(@Autowired SecurityProperties properties) throws IllegalAccessException {
		assertThat(properties.apiKeys()).hasSize(KEYS.size());
		for (var apiKey : properties.apiKeys()) {
			for (var field : apiKey.getClass().getDeclaredFields()) {
				field.setAccessible(true);
				var value = field.get(apiKey);
				var text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(value);
				assertThat(KEYS.keySet()).as(field.getName()).doesNotContain(text);
			}
			assertThat(apiKey.toString()).doesNotContain(KEYS.keySet());
		}
	}

	static Stream<String> healthPaths() {
		return Stream.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");
	}

	/** 401 names the scheme to use (RFC 9110, section 11.6.1). */
	private static void expectUnauthenticated(WebTestClient.ResponseSpec response) {
		response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		expectProblem(response, 401, "UNAUTHENTICATED");
	}

	private WebTestClient.RequestBodySpec request(HttpMethod method, String path) {
		return client.method(method).uri(path).contentType(MediaType.APPLICATION_JSON);
	}

}
