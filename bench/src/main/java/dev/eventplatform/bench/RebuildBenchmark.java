package dev.eventplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Rebuild rate of the orders read model: fills the log with order lifecycles (four events
 * each) until it holds at least {@code --events} events, waits for {@code order-summary}
 * to catch up, resets it to the tail through
 * {@code POST /processors/order-summary/reset}, and times it until it is back at the
 * head. Prints events per second and the processor's segment count; its batch size is the
 * platform's setting.
 * <p>
 * Run against a platform started on a fresh database; only loopback targets unless
 * {@code --allow-remote}.
 */
public final class RebuildBenchmark {

	static final String USAGE = """
			Usage: RebuildBenchmark [--url http://127.0.0.1:8080] [--events 100000] [--clients 16] [--rounds 3]
			                        [--key demo-command-key] [--operator-key demo-operator-key] [--allow-remote]
			""";

	private static final Pattern HEAD = Pattern.compile("\"headPosition\"\\s*:\\s*(-?\\d+)");

	private static final Pattern LAG = Pattern.compile("\"lagEvents\"\\s*:\\s*(\\d+)");

	private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([a-z]+)\"");

	private static final Pattern SEGMENT = Pattern.compile("\"segment\"\\s*:");

	private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(30);

	private RebuildBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var url = "http://127.0.0.1:8080";
		long events = 100_000;
		int clients = 16;
		int rounds = 3;
		var key = "demo-command-key";
		var operatorKey = "demo-operator-key";
		var allowRemote = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--url" -> url = args[++i];
				case "--events" -> events = Long.parseLong(args[++i]);
				case "--clients" -> clients = Integer.parseInt(args[++i]);
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--key" -> key = args[++i];
				case "--operator-key" -> operatorKey = args[++i];
				case "--allow-remote" -> allowRemote = true;
				default -> {
					System.err.print(USAGE);
					System.exit(2);
				}
			}
		}
		var base = URI.create(url);
		if (!allowRemote && !BenchOptions.isLoopback(base.getHost())) {
			System.err.println("Refusing " + url + ": only loopback targets without --allow-remote");
			System.exit(2);
		}
		if (events < 1 || events > 10_000_000 || clients < 1 || clients > 256 || rounds < 1 || rounds > 20) {
			System.err.print(USAGE);
			System.exit(2);
		}
		var status = Http.url(url + "/processors/order-summary");

		var head = number(HEAD, get(status, operatorKey));
		if (head + 1 < events) {
			fill(new OrderApi(base, key), events - head - 1, clients);
		}
		awaitCaughtUp(status, operatorKey);
		var before = get(status, operatorKey);
		var total = number(HEAD, before) + 1;
		var segments = SEGMENT.matcher(before).results().count();

		for (int round = 1; round <= rounds; round++) {
			var started = System.nanoTime();
			var reset = Http.exchange("POST", Http.url(url + "/processors/order-summary/reset"), operatorKey,
					"{\"target\":\"tail\"}".getBytes(StandardCharsets.UTF_8));
			if (reset.status() != 200) {
				throw new IllegalStateException("The reset was refused: " + reset.status() + " " + reset.body());
			}
			awaitCaughtUp(status, operatorKey);
			var seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(
					"%s rebuild of order-summary: %d events in %.1f s = %.0f events/s (%d segment(s); "
							+ "batch size as configured: axon.eventhandling.processors.order-summary.batch-size) "
							+ "(JDK %s, %d cores)%n",
					round == rounds ? "measured" : "warm-up", total, seconds, total / seconds, segments,
					Runtime.version(), Runtime.getRuntime().availableProcessors());
		}
	}

	/**
	 * Sends order lifecycles from {@code clients} threads until {@code events} more
	 * exist.
	 */
	private static void fill(OrderApi api, long events, int clients) throws Exception {
		var remaining = new AtomicLong(events);
		var sent = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		var started = System.nanoTime();
		var workers = new ArrayList<Future<?>>();
		for (int c = 0; c < clients; c++) {
			workers.add(pool.submit(() -> {
				while (remaining.addAndGet(-4) > -4) {
					var created = api.send(api.createOrder("bench-rebuild"));
					var id = OrderApi.orderId(created.body())
						.orElseThrow(() -> new IllegalStateException("Create failed: " + created.status()));
					for (var command : api.fulfil(id)) {
						var response = api.send(command);
						if (response.status() / 100 != 2) {
							throw new IllegalStateException(command.name() + " failed: " + response.status());
						}
					}
					sent.addAndGet(4);
				}
				return null;
			}));
		}
		for (var worker : workers) {
			worker.get();
		}
		pool.shutdown();
		System.out.printf("filled: %d events in %.1f s%n", sent.get(), (System.nanoTime() - started) / 1e9);
	}

	private static void awaitCaughtUp(java.net.URL status, String key) throws Exception {
		var deadline = System.nanoTime() + TIMEOUT_NANOS;
		while (System.nanoTime() < deadline) {
			var body = get(status, key);
			var state = STATE.matcher(body);
			if (state.find() && state.group(1).equals("running") && number(LAG, body) == 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("order-summary did not catch up within 30 minutes");
	}

	private static String get(java.net.URL url, String key) throws IOException {
		var response = Http.exchange("GET", url, key, null);
		if (response.status() != 200) {
			throw new IllegalStateException("GET " + url + " answered " + response.status() + " " + response.body());
		}
		return response.body();
	}

	private static long number(Pattern pattern, String body) {
		var matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + pattern + " in " + body);
		}
		return Long.parseLong(matcher.group(1));
	}

}
