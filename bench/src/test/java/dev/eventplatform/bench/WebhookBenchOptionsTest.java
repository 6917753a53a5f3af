package dev.eventplatform.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookBenchOptionsTest {

	@Test
	void defaultsMatchTheIssuesFloor() {
		WebhookBenchOptions options = WebhookBenchOptions.parse();

		assertEquals(URI.create("http://127.0.0.1:8080"), options.url());
		assertEquals("demo-command-key", options.commandKey());
		assertEquals("demo-subscriber-key", options.subscriberKey());
		assertEquals(5, options.receivers());
		assertEquals(List.of("order.created"), options.eventTypes());
		assertEquals(400, options.rate());
		assertEquals(64, options.clients());
		assertEquals(Duration.ofSeconds(10), options.warmup());
		assertEquals(Duration.ofSeconds(30), options.duration());
		assertEquals(Duration.ofSeconds(30), options.drain());
		assertFalse(options.hungEndpoint());
		assertFalse(options.compareHung());
		assertEquals("127.0.0.1", options.receiverHost());
		assertTrue(options.receiverAddress().isLoopbackAddress());
		assertFalse(options.allowRemote());
	}

	@Test
	void parsesEveryOption() {
		WebhookBenchOptions options = WebhookBenchOptions.parse("--url", "http://localhost:9090/", "--key", "c1",
				"--subscriber-key", "s1", "--receivers", "3", "--event-types", "order.created, order.*", "--rate",
				"1000", "--clients", "16", "--warmup", "0", "--duration", "5", "--drain", "0", "--hung-endpoint",
				"--receiver-host", "127.0.0.2");

		assertEquals(URI.create("http://localhost:9090"), options.url(), "trailing slash dropped");
		assertEquals("c1", options.commandKey());
		assertEquals("s1", options.subscriberKey());
		assertEquals(3, options.receivers());
		assertEquals(List.of("order.created", "order.*"), options.eventTypes());
		assertEquals(1000, options.rate());
		assertEquals(16, options.clients());
		assertEquals(Duration.ZERO, options.warmup());
		assertEquals(Duration.ofSeconds(5), options.duration());
		assertEquals(Duration.ZERO, options.drain());
		assertTrue(options.hungEndpoint());
		assertEquals("127.0.0.2", options.receiverHost());
	}

	@Test
	void compareHungRunsBothWays() {
		WebhookBenchOptions options = WebhookBenchOptions.parse("--compare-hung");

		assertTrue(options.compareHung());
		assertFalse(options.hungEndpoint());
		assertThrows(IllegalArgumentException.class,
				() -> WebhookBenchOptions.parse("--compare-hung", "--hung-endpoint"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.5:8080", "http://example.com", "http://0.0.0.0:8080" })
	void refusesNonLoopbackPlatforms(String url) {
		IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
				() -> WebhookBenchOptions.parse("--url", url));
		assertTrue(refusal.getMessage().contains("--allow-remote"), refusal.getMessage());
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.5", "0.0.0.0", "192.168.1.20" })
	void refusesNonLoopbackReceivers(String host) {
		IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
				() -> WebhookBenchOptions.parse("--receiver-host", host));
		assertTrue(refusal.getMessage().contains("--allow-remote"), refusal.getMessage());
	}

	@Test
	void allowRemoteLiftsTheLoopbackRuleForBoth() {
		WebhookBenchOptions options = WebhookBenchOptions.parse("--url", "http://10.0.0.5:8080", "--receiver-host",
				"10.0.0.7", "--allow-remote");

		assertTrue(options.allowRemote());
		assertEquals("10.0.0.7", options.receiverHost());
	}

	@Test
	void anIpv6ReceiverHostIsBracketedForTheUrl() {
		assertEquals("[0:0:0:0:0:0:0:1]", WebhookBenchOptions.parse("--receiver-host", "::1").receiverHost());
		assertEquals("[0:0:0:0:0:0:0:1]", WebhookBenchOptions.parse("--receiver-host", "[::1]").receiverHost());
	}

	@Test
	void rejectsMalformedCommandLines() {
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--concurrency", "4"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--rate"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--rate", "0"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--rate", "100001"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--receivers", "0"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--receivers", "101"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--clients", "1025"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--duration", "0"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--drain", "-1"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--subscriber-key", " "));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--receiver-host", "localhost"));
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--url", "ftp://127.0.0.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "order.paid", "order", "Order.created", "order.created;drop", "*", "order.created," })
	void rejectsEventTypesThatMissTheCreations(String types) {
		assertThrows(IllegalArgumentException.class, () -> WebhookBenchOptions.parse("--event-types", types));
	}

}
