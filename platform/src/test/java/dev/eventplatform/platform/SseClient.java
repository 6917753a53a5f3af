package dev.eventplatform.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A raw Server-Sent Events client on the JDK's HTTP client: it parses the wire format
 * itself ({@code id:}, {@code event:}, {@code data:}, {@code retry:}, comments), so the
 * tests see exactly what a browser would. Closing it drops the connection.
 */
final class SseClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Frame END = new Frame(null, null, null, null, List.of());

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

	private SseClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		if (response.statusCode() == 200) {
			var reader = new Thread(this::read, "sse-client");
			reader.setDaemon(true);
			reader.start();
		}
	}

	/**
	 * Opens {@code GET path} with the key and extra headers (name, value, ...); waits at
	 * most 10 s for the headers.
	 */
	static SseClient open(int port, String path, String key, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream");
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return new SseClient(
				HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS));
	}

	HttpResponse<Stream<String>> response() {
		return response;
	}

	private void read() {
		var lines = new ArrayList<String>();
		try {
			response.body().forEach(line -> {
				if (!line.isEmpty()) {
					lines.add(line);
					return;
				}
				frames.add(Frame.parse(lines));
				lines.clear();
			});
		}
		catch (RuntimeException closed) {
			// The test closed the stream.
		}
		frames.add(END);
	}

	/**
	 * The next frame (event, comment or retry hint), failing after {@code timeout};
	 * {@code null} at the end of the stream.
	 */
	Frame next(Duration timeout) throws InterruptedException {
		var frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (frame == null) {
			throw new AssertionError("No frame within " + timeout);
		}
		return frame == END ? null : frame;
	}

	/**
	 * The next {@code count} events, skipping comments and hints; all must come within
	 * {@code timeout}.
	 */
	List<Frame> events(int count, Duration timeout) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		var events = new ArrayList<Frame>();
		while (events.size() < count) {
			var frame = frames.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (frame == null) {
				throw new AssertionError("Only " + events + " within " + timeout);
			}
			if (frame == END) {
				throw new AssertionError("The stream ended after " + events);
			}
			if (frame.data() != null) {
				events.add(frame);
			}
		}
		return events;
	}

	/** Asserts that no event arrives within {@code period} (comments may). */
	void expectNoEvent(Duration period) throws InterruptedException {
		long until = System.nanoTime() + period.toNanos();
		while (true) {
			long left = until - System.nanoTime();
			var frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
			if (frame == null) {
				return;
			}
			if (frame.data() != null) {
				throw new AssertionError("Unexpected event " + frame);
			}
		}
	}

	@Override
	public void close() {
		response.body().close();
	}

	/** One dispatched block of lines; {@code null} for absent fields. */
	record Frame(String id, String event, String data, String retry, List<String> comments) {

		static Frame parse(List<String> lines) {
			String id = null;
			String event = null;
			String retry = null;
			StringBuilder data = null;
			var comments = new ArrayList<String>();
			for (var line : lines) {
				int colon = line.indexOf(':');
				var field = colon < 0 ? line : line.substring(0, colon);
				var value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
				switch (field) {
					case "" -> comments.add(value);
					case "id" -> id = value;
					case "event" -> event = value;
					case "retry" -> retry = value;
					case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
					default -> throw new AssertionError("Unknown field in " + lines);
				}
			}
			return new Frame(id, event, data == null ? null : data.toString(), retry, List.copyOf(comments));
		}

		long position() {
			return Long.parseLong(id);
		}

	}

}
