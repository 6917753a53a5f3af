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

class BenchOptionsTest {

	@Test
	void defaultsTargetTheLocalPlatform() {
		BenchOptions options = BenchOptions.parse();

		assertEquals(URI.create("http://127.0.0.1:8080"), options.url());
		assertEquals("demo-command-key", options.key());
		assertEquals(List.of(1, 8, 32, 64), options.concurrency());
		assertEquals(Duration.ofSeconds(5), options.warmup());
		assertEquals(Duration.ofSeconds(20), options.duration());
		assertEquals(2_000_000, options.maxRequests());
		assertEquals(BenchOptions.Mix.LIFECYCLE, options.mix());
		assertFalse(options.allowRemote());
	}

	@Test
	void parsesEveryOption() {
		BenchOptions options = BenchOptions.parse("--url", "http://localhost:9090/", "--key", "k1", "--concurrency",
				"2, 4,16", "--warmup", "0", "--duration", "3", "--max-requests", "500", "--mix", "create-only");

		assertEquals(URI.create("http://localhost:9090"), options.url(), "trailing slash dropped");
		assertEquals("k1", options.key());
		assertEquals(List.of(2, 4, 16), options.concurrency());
		assertEquals(Duration.ZERO, options.warmup());
		assertEquals(Duration.ofSeconds(3), options.duration());
		assertEquals(500, options.maxRequests());
		assertEquals(BenchOptions.Mix.CREATE_ONLY, options.mix());
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "http://127.42.0.9", "http://localhost:8080", "http://LOCALHOST",
			"http://[::1]:8080", "https://[0:0:0:0:0:0:0:1]" })
	void acceptsLoopbackTargets(String url) {
		assertEquals(URI.create(url), BenchOptions.parse("--url", url).url());
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.5:8080", "http://192.168.1.20", "http://8.8.8.8", "http://example.com",
			"http://127.0.0.1.example.com", "http://[2001:db8::1]", "http://0.0.0.0:8080" })
	void refusesNonLoopbackTargets(String url) {
		IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
				() -> BenchOptions.parse("--url", url));
		assertTrue(refusal.getMessage().contains("--allow-remote"), refusal.getMessage());
	}

	@Test
	void allowRemoteLiftsTheLoopbackRule() {
		BenchOptions options = BenchOptions.parse("--url", "http://10.0.0.5:8080", "--allow-remote");

		assertTrue(options.allowRemote());
		assertEquals("10.0.0.5", options.url().getHost());
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "x", "1,,2", "1025" })
	void rejectsInvalidConcurrency(String levels) {
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--concurrency", levels));
	}

	@Test
	void rejectsMalformedCommandLines() {
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--threads", "4"));
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--duration"));
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--duration", "0"));
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--max-requests", "0"));
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--mix", "random"));
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--url", "ftp://127.0.0.1"));
		assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--key", " "));
	}

}
