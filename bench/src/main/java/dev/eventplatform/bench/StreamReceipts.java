package dev.eventplatform.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What the streams received, as the {@link StreamClients.Listener} of a run: how long
 * each connection took to open, and, for the events in the measured window, two latencies
 * per connection and event, in microseconds:
 * <ul>
 * <li>from the envelope's {@code timestamp} (when the event happened in the aggregate,
 * before its transaction committed; milliseconds, truncated) to the read that completed
 * the event: an upper bound of commit-to-receive, as it includes the command's own
 * commit;
 * <li>from the moment the harness had read the command's 201 ({@link StreamLoad}) to that
 * read: a lower bound, as the 201 comes after the commit. An event that arrives before
 * its 201 has been read is counted apart, not recorded.
 * </ul>
 * An event is measured when its timestamp lies in the window set by {@link #measure}. The
 * event's JSON is parsed once, by the first connection that receives it; every other one
 * only looks its id up. Histograms are kept per I/O thread and read once the clients are
 * closed.
 */
final class StreamReceipts implements StreamClients.Listener {

	private static final String TIMESTAMP_FIELD = "\"timestamp\":\"";

	private static final String SUBJECT_FIELD = "\"subject\":\"";

	private final StreamLoad load;

	private final long nanoBase = System.nanoTime();

	private final long wallBaseMicros;

	private final Map<Long, EventInfo> infos = new ConcurrentHashMap<>();

	private final PerThread[] threads;

	private final ErrorSamples errors = new ErrorSamples(5);

	private volatile long measureFromMicros = Long.MAX_VALUE;

	private volatile long measureUntilMicros = Long.MAX_VALUE;

	/** An event as parsed by the first connection that received it. */
	private static final class EventInfo {

		final long timestampMicros;

		final String subject;

		final boolean measured;

		volatile long acceptedNanos;

		EventInfo(long timestampMicros, String subject, boolean measured) {
			this.timestampMicros = timestampMicros;
			this.subject = subject;
			this.measured = measured;
		}

	}

	/** Confined to one I/O thread while the clients run. */
	private static final class PerThread {

		final Histogram openMicros = new Histogram(3);

		final Histogram fromTimestampMicros = new Histogram(3);

		final Histogram from201Micros = new Histogram(3);

		long measured;

		long before201;

		long tooOld;

	}

	/**
	 * @param load where the 201s were noted; null when the run creates no orders
	 * @param ioThreads the number of I/O threads of the clients
	 */
	StreamReceipts(StreamLoad load, int ioThreads) {
		this.load = load;
		Instant now = Instant.now();
		this.wallBaseMicros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
		this.threads = new PerThread[ioThreads];
		for (int i = 0; i < ioThreads; i++) {
			threads[i] = new PerThread();
		}
	}

	/**
	 * Measures the events whose timestamp lies from {@code fromNanos} until
	 * {@code untilNanos} ({@link System#nanoTime()} values).
	 */
	void measure(long fromNanos, long untilNanos) {
		measureUntilMicros = wallMicros(untilNanos);
		measureFromMicros = wallMicros(fromNanos);
	}

	@Override
	public void opened(StreamConnection connection, long nanos) {
		threads[connection.ioThread()].openMicros.recordValue((nanos - connection.startedNanos()) / 1_000);
	}

	@Override
	public void event(StreamConnection connection, long id, byte[] data, int length, long nanos) {
		if (measureFromMicros == Long.MAX_VALUE) {
			return;
		}
		EventInfo info = infos.get(id);
		if (info == null) {
			info = parse(data, length);
			EventInfo earlier = infos.putIfAbsent(id, info);
			info = earlier != null ? earlier : info;
		}
		if (!info.measured) {
			return;
		}
		PerThread thread = threads[connection.ioThread()];
		thread.measured++;
		thread.fromTimestampMicros.recordValue(Math.max(0, wallMicros(nanos) - info.timestampMicros));
		long accepted = info.acceptedNanos;
		if (accepted == 0 && load != null && info.subject != null) {
			Long noted = load.acceptedAt(info.subject);
			if (noted != null) {
				info.acceptedNanos = noted;
				accepted = noted;
			}
		}
		if (accepted != 0 && nanos - accepted >= 0) {
			thread.from201Micros.recordValue((nanos - accepted) / 1_000);
		}
		else {
			thread.before201++;
		}
	}

	@Override
	public void tooOld(StreamConnection connection, String data) {
		threads[connection.ioThread()].tooOld++;
		errors.note("stream", "position-too-old", data);
	}

	@Override
	public void ended(StreamConnection connection) {
		String failure = String.valueOf(connection.failure());
		String kind = failure.startsWith("HTTP ") ? failure.substring(0, Math.min(8, failure.length()))
				: failure.contains(":") ? failure.substring(0, failure.indexOf(':')) : failure;
		errors.note(connection.openedNanos() != 0 ? "open stream ended" : "opening", kind, failure);
	}

	Histogram openMicros() {
		return merge(thread -> thread.openMicros);
	}

	Histogram fromTimestampMicros() {
		return merge(thread -> thread.fromTimestampMicros);
	}

	Histogram from201Micros() {
		return merge(thread -> thread.from201Micros);
	}

	/** Receipts of measured events, one per connection and event. */
	long measured() {
		long sum = 0;
		for (PerThread thread : threads) {
			sum += thread.measured;
		}
		return sum;
	}

	/** Measured receipts that arrived before the harness had read their 201. */
	long before201() {
		long sum = 0;
		for (PerThread thread : threads) {
			sum += thread.before201;
		}
		return sum;
	}

	List<String> errorSamples() {
		return errors.describe();
	}

	private Histogram merge(java.util.function.Function<PerThread, Histogram> histogram) {
		Histogram total = new Histogram(3);
		for (PerThread thread : threads) {
			total.add(histogram.apply(thread));
		}
		return total;
	}

	private long wallMicros(long nanos) {
		return wallBaseMicros + (nanos - nanoBase) / 1_000;
	}

	private EventInfo parse(byte[] data, int length) {
		String json = new String(data, 0, length, StandardCharsets.UTF_8);
		String timestamp = field(json, TIMESTAMP_FIELD);
		long micros = Long.MIN_VALUE;
		if (timestamp != null) {
			try {
				Instant instant = Instant.parse(timestamp);
				micros = TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000;
			}
			catch (DateTimeParseException e) {
				errors.note("event", "unreadable timestamp", json);
			}
		}
		else {
			errors.note("event", "no timestamp", json);
		}
		boolean measured = micros >= measureFromMicros && micros < measureUntilMicros;
		return new EventInfo(micros, field(json, SUBJECT_FIELD), measured);
	}

	private static String field(String json, String prefix) {
		int at = json.indexOf(prefix);
		if (at < 0) {
			return null;
		}
		int from = at + prefix.length();
		int to = json.indexOf('"', from);
		return to < 0 ? null : json.substring(from, to);
	}

}
