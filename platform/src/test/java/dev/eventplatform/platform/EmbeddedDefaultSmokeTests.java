package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
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
 * The embedded default exactly as the README starts it (no profile, so the demo keys and
 * an H2 file database), run twice over the same data directory: what the first run
 * stored, the second one still serves, and goes on from (a command on the stored order).
 * The first run names the directory relative to the working directory, the second one
 * absolute: both must open the same database.
 */
class EmbeddedDefaultSmokeTests {

	@TempDir
	Path dataDirectory;

	@Test
	void ordersSurviveARestartOfTheEmbeddedDefault() throws SocketException {
		String orderId;
		try (var first = start(Path.of("").toAbsolutePath().relativize(dataDirectory))) {
			assertThat(dataDirectory.resolve("eventplatform.mv.db")).exists();
			listensOnLoopbackOnly(first);
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
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> orderIsReadable(client, orderId));
		}

		try (var second = start(dataDirectory)) {
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

			client.post()
				.uri("/orders/" + orderId + "/payments")
				.header(HttpHeaders.AUTHORIZATION, "Bearer demo-command-key")
				.header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(OrderApi.payment("30.00"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"1\"");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> client.get()
					.uri("/orders/" + orderId)
					.header(HttpHeaders.AUTHORIZATION, "Bearer demo-audit-key")
					.exchange()
					.expectBody()
					.jsonPath("$.status")
					.isEqualTo("PAID"));
		}
	}

	private static ConfigurableApplicationContext start(Path dataDirectory) {
		var context = new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--platform.data-directory=" + dataDirectory);
		assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
		return context;
	}

	private static WebTestClient clientFor(ConfigurableApplicationContext context) {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(context)).build();
	}

	/**
	 * The demo keys are active, so no other address of this machine may reach the server.
	 */
	private static void listensOnLoopbackOnly(ConfigurableApplicationContext context) throws SocketException {
		assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
		NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> !address.isLoopbackAddress())
			.forEach(address -> assertThatIOException().as("connecting through %s", address).isThrownBy(() -> {
				try (var socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, port(context)), 2_000);
				}
			}));
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
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
