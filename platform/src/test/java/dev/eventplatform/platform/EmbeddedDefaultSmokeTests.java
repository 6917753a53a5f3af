package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded default exactly as the README starts it (no profile, so the demo keys and an H2
 * file database), run twice over the same data directory: what the first run stored, the second
 * one still serves.
 */
class EmbeddedDefaultSmokeTests {

	@TempDir
	Path dataDirectory;

	@Test
	void ordersSurviveARestartOfTheEmbeddedDefault() {
		String orderId;
		try (var first = start()) {
			var client = clientFor(first);
			orderId = client.post()
				.uri("/orders")
				.header(HttpHeaders.AUTHORIZATION, "Bearer demo-command-key")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(OrderApi.TWO_LINES)
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("orderId")
				.toString();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> orderIsReadable(client, orderId));
		}

		try (var second = start()) {
			var client = clientFor(second);
			orderIsReadable(client, orderId);
			client.get()
				.uri("/audit/subjects/" + orderId + "/events")
				.header(HttpHeaders.AUTHORIZATION, "Bearer demo-audit-key")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.events[0].eventType")
				.isEqualTo("order.created");
		}
	}

	private ConfigurableApplicationContext start() {
		var context = new SpringApplicationBuilder(PlatformApplication.class)
			.properties("server.port=0", "platform.data-directory=" + dataDirectory)
			.run();
		assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
		return context;
	}

	private static WebTestClient clientFor(ConfigurableApplicationContext context) {
		var port = context.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	private static void orderIsReadable(WebTestClient client, String orderId) {
		client.get()
			.uri("/orders/" + orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer demo-audit-key")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customerId")
			.isEqualTo("cust-7");
	}

}
