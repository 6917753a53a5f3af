package dev.eventplatform.notification.webhook.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventplatform.infrastructure.web.CodedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * {@link WebhookTargets#guard} against a real server on the loopback interface: refused
 * before any request is sent, whether the URL names the address or a name for it.
 */
class GuardedHttpClientTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<String> received = new CopyOnWriteArrayList<>();

	private DisposableServer server;

	@BeforeEach
	void startServer() {
		server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			received.add(request.uri());
			if (request.uri().equals("/redirect")) {
				return response.status(302).header("Location", "/").send();
			}
			return response.sendString(Mono.just("ok"));
		}).bindNow();
	}

	@AfterEach
	void stopServer() {
		server.disposeNow();
	}

	@Test
	void refusesTheLoopbackAddress() {
		assertRefused(WebhookTargets.guard(HttpClient.create(), false), "http://127.0.0.1:" + server.port() + "/");
	}

	@Test
	void refusesANameForTheLoopbackAddress() {
		assertRefused(WebhookTargets.guard(HttpClient.create(), false), "http://localhost:" + server.port() + "/");
	}

	@Test
	void reachesPrivateTargetsWhenAllowed() {
		assertThat(status(WebhookTargets.guard(HttpClient.create(), true), "http://127.0.0.1:" + server.port() + "/"))
			.isEqualTo(200);
		assertThat(status(WebhookTargets.guard(HttpClient.create(), true), "http://localhost:" + server.port() + "/"))
			.isEqualTo(200);
		assertThat(received).containsExactly("/", "/");
	}

	@Test
	void returnsRedirectsWithoutFollowingThem() {
		var client = WebhookTargets.guard(HttpClient.create().followRedirect(true), true);

		assertThat(status(client, "http://127.0.0.1:" + server.port() + "/redirect")).isEqualTo(302);
		assertThat(received).containsExactly("/redirect");
	}

	/**
	 * Reactor Netty keys its pools by resolver, so an open connection is no way round.
	 */
	@Test
	void doesNotReuseConnectionsOfUnguardedClients() {
		var url = "http://127.0.0.1:" + server.port() + "/";
		assertThat(status(HttpClient.create(), url)).isEqualTo(200);

		assertRefused(WebhookTargets.guard(HttpClient.create(), false), url);
		assertThat(received).containsExactly("/");
	}

	private void assertRefused(HttpClient client, String url) {
		var before = received.size();
		assertThatThrownBy(() -> status(client, url)).isInstanceOf(CodedException.class)
			.hasMessageContaining("Webhook target not allowed");
		assertThat(received).hasSize(before);
	}

	private static Integer status(HttpClient client, String url) {
		return client.get()
			.uri(url)
			.responseSingle((response, body) -> body.asString().defaultIfEmpty("").thenReturn(response.status().code()))
			.block(TIMEOUT);
	}

}
