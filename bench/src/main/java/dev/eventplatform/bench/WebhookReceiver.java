package dev.eventplatform.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One webhook endpoint: a JDK HTTP server on its own port. A healthy one answers 200 at
 * once and notes, for the first request of each {@code webhook-id}, the envelope's
 * {@code subject} (the order id) and when the request had been read; a repeated
 * {@code webhook-id} only counts as a duplicate. A hung one reads each request and never
 * answers: it holds the exchange, not a thread, until it is closed.
 */
final class WebhookReceiver implements AutoCloseable {

	/** A first delivery: which order, and {@link System#nanoTime()} when it was read. */
	record Receipt(String subject, long atNanos) {
	}

	static final String PATH = "/webhook";

	/** Enough for the few connections the platform opens per endpoint. */
	private static final int THREADS = 4;

	private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]*)\"");

	private final String name;

	private final boolean hangs;

	private final HttpServer server;

	private final ExecutorService executor;

	private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();

	private final Set<String> subjects = ConcurrentHashMap.newKeySet();

	private final Queue<Receipt> receipts = new ConcurrentLinkedQueue<>();

	private final Queue<HttpExchange> held = new ConcurrentLinkedQueue<>();

	private final LongAdder requests = new LongAdder();

	private final LongAdder duplicates = new LongAdder();

	private WebhookReceiver(String name, boolean hangs, InetAddress address) throws IOException {
		this.name = name;
		this.hangs = hangs;
		AtomicInteger threadNumber = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(hangs ? 1 : THREADS, task -> {
			Thread thread = new Thread(task, "receiver-" + name + "-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server = HttpServer.create(new InetSocketAddress(address, 0), 1024);
		server.setExecutor(executor);
		server.createContext(PATH, this::handle);
		server.start();
	}

	static WebhookReceiver healthy(String name, InetAddress address) throws IOException {
		return new WebhookReceiver(name, false, address);
	}

	static WebhookReceiver hung(String name, InetAddress address) throws IOException {
		return new WebhookReceiver(name, true, address);
	}

	/** The URL to subscribe, with {@code host} as given (an IPv6 one in brackets). */
	String url(String host) {
		return "http://" + host + ":" + server.getAddress().getPort() + PATH;
	}

	String name() {
		return name;
	}

	boolean hangs() {
		return hangs;
	}

	/** Every request, repeats included. */
	long requests() {
		return requests.sum();
	}

	long duplicates() {
		return duplicates.sum();
	}

	/** Distinct webhook ids received so far. */
	int distinct() {
		return webhookIds.size();
	}

	boolean receivedSubject(String subject) {
		return subjects.contains(subject);
	}

	List<Receipt> receipts() {
		return List.copyOf(receipts);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		long at = System.nanoTime();
		requests.increment();
		if (hangs) {
			held.add(exchange);
			return;
		}
		try (exchange) {
			String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
			if (webhookId != null && !webhookIds.add(webhookId)) {
				duplicates.increment();
			}
			else {
				Matcher subject = SUBJECT.matcher(new String(body, StandardCharsets.UTF_8));
				String orderId = subject.find() ? subject.group(1) : "";
				subjects.add(orderId);
				receipts.add(new Receipt(orderId, at));
			}
			exchange.sendResponseHeaders(200, -1);
		}
	}

	/** Stops listening, closes every connection and ends what a hung one held. */
	@Override
	public void close() {
		server.stop(0);
		for (HttpExchange exchange; (exchange = held.poll()) != null;) {
			exchange.close();
		}
		executor.shutdownNow();
	}

}
