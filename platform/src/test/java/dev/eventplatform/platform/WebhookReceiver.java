package dev.eventplatform.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real HTTP endpoints on loopback for webhook tests, one JDK server for the JVM. Each
 * path answers as its test sets it ({@link #answer}), by the number of the request on
 * that path; every request is recorded with its headers (lower-case names) and body.
 */
final class WebhookReceiver {

	/** Receives the operators' notices of disabled subscriptions. */
	static final String OPERATOR_PATH = "/operator";

	static final String OPERATOR_SECRET = "whsec_" + java.util.Base64.getEncoder()
		.encodeToString("operator-notification-secret-32b".getBytes(StandardCharsets.UTF_8));

	private static final WebhookReceiver SHARED = new WebhookReceiver();

	private final HttpServer server;

	private final Map<String, IntFunction<Answer>> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** Never released: a hanging answer waits on it until its time is up. */
	private final CountDownLatch hung = new CountDownLatch(1);

	private WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			var thread = new Thread(runnable, "webhook-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", this::handle);
		server.start();
	}

	static WebhookReceiver shared() {
		return SHARED;
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** How {@code path} answers its n-th request (1 for the first). */
	void answer(String path, IntFunction<Answer> answer) {
		answers.put(path, answer);
	}

	List<Received> received(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			var path = exchange.getRequestURI().getPath();
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var headers = new TreeMap<String, String>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			var number = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			received.add(new Received(path, headers, body, System.nanoTime()));
			var answer = answers.getOrDefault(path, n -> Answer.status(200)).apply(number);
			if (answer.hang()) {
				// Long past any client's timeout; the thread is freed in the end.
				hung.await(30, TimeUnit.SECONDS);
				return;
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Received(String path, Map<String, String> headers, String body, long atNanos) {
	}

	record Answer(int status, String body, Map<String, String> headers, boolean hang) {

		static Answer status(int status) {
			return new Answer(status, "", Map.of(), false);
		}

		static Answer status(int status, String body) {
			return new Answer(status, body, Map.of(), false);
		}

		static Answer hangs() {
			return new Answer(0, "", Map.of(), true);
		}

	}

	/** Points the operators' notices of the test contexts at this receiver. */
	static final class OperatorNotification implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("platform.webhooks.operator-notification.url=" + SHARED.url(OPERATOR_PATH),
						"platform.webhooks.operator-notification.secret=" + OPERATOR_SECRET)
				.applyTo(context);
		}

	}

}
