package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description covers every controller mapping, is valid OpenAPI 3.1, says for
 * every operation who may call it and which problems it answers, and is open without a
 * key.
 */
@PlatformIntegrationTest
class OpenApiDescriptionIntegrationTests {

	private static final Map<String, String> KEY_BY_ROLE = Map.of("COMMAND", TestApiKeys.COMMAND, "AUDIT",
			TestApiKeys.AUDIT, "SUBSCRIBER", TestApiKeys.SUBSCRIBER, "STREAM", TestApiKeys.STREAM, "OPERATOR",
			TestApiKeys.OPERATOR);

	@Autowired
	WebTestClient client;

	/**
	 * An endpoint added without a description fails here, and so does a description of
	 * none.
	 */
	@Test
	void describesExactlyTheControllerMappings(@Autowired List<RequestMappingHandlerMapping> handlerMappings) {
		var mapped = new HashSet<String>();
		handlerMappings.stream()
			.flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
			.filter(handler -> !handler.getValue().getBeanType().getPackageName().startsWith("org.springdoc"))
			.forEach(handler -> {
				var info = handler.getKey();
				assertThat(info.getMethodsCondition().getMethods()).as("methods of %s", info).isNotEmpty();
				info.getPatternsCondition()
					.getPatterns()
					.forEach(pattern -> info.getMethodsCondition()
						.getMethods()
						.forEach(method -> mapped.add(method + " " + pattern.getPatternString())));
			});

		assertThat(mapped).isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(operations().stream().map(Operation::id).toList());
	}

	@Test
	void isValidOpenApi31() {
		var options = new ParseOptions();
		options.setResolve(true);
		var result = new OpenAPIV3Parser().readContents(descriptionText(), null, options);

		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
	}

	@Test
	void everyOperationHasASummaryARoleRequirementAndProblems() {
		for (var operation : operations()) {
			var node = operation.node();
			assertThat(node.path("summary").asString()).as("summary of %s", operation.id()).isNotBlank();
			assertThat(node.path("security").isEmpty()).as("security of %s", operation.id()).isFalse();
			assertThat(node.path("responses").properties()).as("problem responses of %s", operation.id())
				.anySatisfy(response -> assertThat(
						response.getValue().path("content").has(MediaType.APPLICATION_PROBLEM_JSON_VALUE))
					.isTrue());
		}
	}

	/**
	 * The roles the description names are the ones the security rules enforce, key by
	 * key. Commands send an empty object, invalid for all but delivery, to an order that
	 * does not exist, so nothing is appended. Over fifty requests on a shared two-core
	 * machine: this checks statuses, not latency, so a slow answer may take longer than
	 * the client's usual 5 s.
	 */
	@Test
	void theDescribedRolesAreTheEnforcedOnes() {
		var patient = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		for (var operation : operations()) {
			var roles = new HashSet<String>();
			operation.node()
				.path("security")
				.forEach(requirement -> requirement.path("apiKey").forEach(role -> roles.add(role.asString())));
			var path = operation.path().replaceAll("\\{[^}]+}", "1");
			KEY_BY_ROLE.forEach((role, key) -> {
				var request = patient.method(operation.method())
					.uri(path)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
				var status = (operation.method() == HttpMethod.POST ? request.bodyValue(Map.of()) : request).exchange()
					.returnResult(String.class)
					.getStatus()
					.value();
				var allowed = roles.isEmpty() || roles.contains(role);
				assertThat(status == 403).as("%s with a %s key answered %d", operation.id(), role, status)
					.isEqualTo(!allowed);
			});
		}
	}

	/**
	 * The description holds no data: it and Swagger UI answer without a key, and ignore a
	 * wrong one.
	 */
	@Test
	void theDescriptionAndSwaggerUiAreOpen() {
		client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
		client.get()
			.uri("/v3/api-docs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key")
			.exchange()
			.expectStatus()
			.isOk();
		var ui = client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation();
		client.get()
			.uri(ui.getPath())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("swagger-initializer.js"));
		client.get().uri("/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk();
		client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo("/v3/api-docs");
	}

	/**
	 * The description outgrew the 64 KB the platform's codecs buffer for requests, and
	 * its first generation may take longer than the client's usual 5 s on a loaded
	 * machine.
	 */
	private String descriptionText() {
		return client.mutate()
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
			.getResponseBody();
	}

	private List<Operation> operations() {
		var operations = new ArrayList<Operation>();
		JsonMapper.shared()
			.readTree(descriptionText())
			.path("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(operation -> operations
					.add(new Operation(HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT)), path.getKey(),
							operation.getValue()))));
		return operations;
	}

	private record Operation(HttpMethod method, String path, JsonNode node) {

		String id() {
			return method + " " + path;
		}

	}

}
