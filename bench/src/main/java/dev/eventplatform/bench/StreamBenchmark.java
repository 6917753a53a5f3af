package dev.eventplatform.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Server-Sent Events harness (issue 9): many clients of {@code GET /events/stream} on one
 * platform node, in one of three modes.
 * <ul>
 * <li>{@code hold}: N streams held open; the platform's heap after a full GC and its RSS
 * before and with them (with {@code --pid}), then the fan-out of a few orders to every
 * stream, then the heap again once they are closed.
 * <li>{@code latency}: N streams while orders are created open loop at a fixed rate;
 * end-to-end latency per stream and event, from the envelope's timestamp and from the
 * command's 201 ({@link StreamReceipts}).
 * <li>{@code catch-up}: streams that resume {@code --events} behind the head; time and
 * events per second until each has the head.
 * </ul>
 * The streams are {@link StreamClients} connections from 127.0.0.N source addresses.
 * Every wait is bounded, so a run always ends. Exit status 0 after a complete run, 1 when
 * no stream opened or nothing arrived, 2 for invalid options.
 */
public final class StreamBenchmark {

	static final long GIB = 1024L * 1024 * 1024;

	private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);

	/** The probes of the hold mode: one order every 200 ms. */
	private static final int PROBE_RATE = 5;

	private static final Duration PROBE_WAIT = Duration.ofSeconds(30);

	/** File descriptors this JVM needs besides its streams (jars, selectors, HTTP). */
	private static final long FD_RESERVE = 200;

	private final StreamBenchOptions options;

	private final PrintStream out;

	private final StreamPlatform platform;

	private final List<String> summary = new ArrayList<>();

	private StreamBenchmark(StreamBenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
		this.platform = new StreamPlatform(options.url(), options.operatorKey(), options.pid());
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		if (arguments.contains("--help") || arguments.contains("-h")) {
			System.out.print(StreamBenchOptions.USAGE);
			return;
		}
		StreamBenchOptions options;
		try {
			options = StreamBenchOptions.parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("error: " + e.getMessage());
			System.err.print(StreamBenchOptions.USAGE);
			System.exit(2);
			return;
		}
		// The JDK keeps 5 idle connections per host by default.
		if (System.getProperty("http.maxConnections") == null) {
			System.setProperty("http.maxConnections", Integer.toString(options.loadClients()));
		}
		int status;
		try {
			status = new StreamBenchmark(options, System.out).run();
		}
		catch (IOException | IllegalStateException e) {
			System.out.println("error: " + e.getMessage());
			status = 1;
		}
		// Only exit explicitly on failure: under exec:java, System.exit ends Maven's JVM
		// too.
		if (status != 0) {
			System.exit(status);
		}
	}

	private int run() throws IOException, InterruptedException {
		out.println(header());
		if (!checkFileLimits()) {
			return 1;
		}
		int status = switch (options.mode()) {
			case HOLD -> hold();
			case LATENCY -> latency();
			case CATCH_UP -> catchUp();
		};
		out.println();
		out.println("Summary:");
		summary.forEach(line -> out.println("  " + line));
		return status;
	}

	// hold

	private int hold() throws IOException, InterruptedException {
		StreamPlatform.Memory before = null;
		if (platform.hasPid()) {
			before = platform.memoryAfterGc();
			out.println("platform before: " + before.describe() + ", open streams " + streams());
		}
		else {
			out.println("platform memory: not read (no --pid); with the streams open, run jcmd <pid> GC.run, then "
					+ "jcmd <pid> GC.heap_info and grep VmRSS /proc/<pid>/status");
		}
		var load = new StreamLoad(new OrderApi(options.url(), options.commandKey()));
		var receipts = new StreamReceipts(load, options.ioThreads());
		var clients = clients(startPosition(), Long.MAX_VALUE, receipts);
		int open;
		StreamPlatform.Memory with = null;
		String streamsGauge;
		int onNode = 0;
		StreamLoad.Result probes = null;
		long probeWaitNanos = 0;
		try {
			open = connect(clients);
			if (open == 0) {
				reportFailures(receipts);
				summary.add("stream hold: no stream opened");
				return 1;
			}
			out.printf(Locale.ROOT, "holding %d streams for %d s%n", open, options.hold().toSeconds());
			sleepWithProgress(options.hold(), clients);
			streamsGauge = streams();
			// Every stream on the node, other harness processes' included.
			onNode = (int) platform.metric("platform_stream_connections").orElse(0);
			if (platform.hasPid()) {
				with = platform.memoryAfterGc();
				int mine = clients.opened() - clients.ended();
				out.printf(Locale.ROOT, "platform with %d streams of this harness open (on the node: %s): %s%s; %s%n",
						mine, streamsGauge, with.describe(), perStream(before, with, mine),
						heapTarget(with.heapUsed(), Math.max(mine, onNode)));
			}
			if (options.probeEvents() > 0) {
				long start = System.nanoTime();
				long end = start + TimeUnit.MILLISECONDS.toNanos(1_000L * options.probeEvents() / PROBE_RATE + 1_000);
				receipts.measure(start, end + TimeUnit.SECONDS.toNanos(30));
				probes = load.run(PROBE_RATE, 1, start, new MeasurementWindow(start, end, options.probeEvents()), end);
				probeWaitNanos = awaitEvents(clients, load.accepted(), PROBE_WAIT);
			}
		}
		finally {
			clients.close();
		}
		reportFailures(receipts);
		int stillOpen = open - clients.ended();
		out.printf(Locale.ROOT, "opening: %s%n", openSummary(clients, receipts.openMicros()));
		if (probes != null) {
			out.printf(Locale.ROOT, "fan-out of %d probe orders to %d streams: %d of %d received%s%n",
					probes.accepted(), stillOpen, receipts.measured(), probes.accepted() * stillOpen,
					probeWaitNanos >= 0 ? "" : " (some still missing after " + PROBE_WAIT.toSeconds() + " s)");
			out.println("  from the envelope's timestamp: " + percentiles(receipts.fromTimestampMicros()));
			out.println(
					"  from the order's 201:          " + percentiles(receipts.from201Micros()) + before201(receipts));
		}
		StreamPlatform.Memory after = null;
		if (platform.hasPid()) {
			// The server notices the closed sockets at its next write or read.
			Thread.sleep(2_000);
			after = platform.memoryAfterGc();
			out.println("platform after closing them: " + after.describe() + ", open streams " + streams());
		}
		out.println("harness: " + harness());
		var line = new StringBuilder(String.format(Locale.ROOT, "stream hold, %d streams -> %s: %d opened (%s)",
				options.clients(), options.url(), clients.opened(), openSummary(clients, receipts.openMicros())));
		if (with != null) {
			line.append(String.format(Locale.ROOT, "; platform with %d open: %s%s; %s", stillOpen, with.describe(),
					perStream(before, with, stillOpen), heapTarget(with.heapUsed(), Math.max(stillOpen, onNode))));
			line.append("; before: ").append(before.describe()).append("; after closing: ").append(after.describe());
		}
		if (probes != null) {
			line.append(String.format(Locale.ROOT, "; fan-out of %d orders: %d/%d received, from timestamp %s",
					probes.accepted(), receipts.measured(), probes.accepted() * stillOpen,
					percentiles(receipts.fromTimestampMicros())));
		}
		line.append(" (").append(environment()).append(')');
		summary.add(line.toString());
		return 0;
	}

	private static String perStream(StreamPlatform.Memory before, StreamPlatform.Memory with, int streams) {
		if (before == null || streams == 0) {
			return "";
		}
		return String.format(Locale.ROOT, "; per stream: heap %+.1f KiB, RSS %+.1f KiB",
				(with.heapUsed() - before.heapUsed()) / 1024.0 / streams,
				(with.rss() - before.rss()) / 1024.0 / streams);
	}

	/**
	 * Issue 9: under 1 GiB of heap at 10,000 streams, under 2 GiB at 40,000; judged by
	 * the streams open on the node, which may come from several harness processes.
	 */
	static String heapTarget(long heapUsed, int streams) {
		if (streams >= 40_000) {
			return "target heap < 2 GiB at 40,000: " + (heapUsed < 2 * GIB ? "met" : "missed");
		}
		if (streams >= 10_000) {
			return "target heap < 1 GiB at 10,000: " + (heapUsed < GIB ? "met" : "missed");
		}
		return "fewer than 10,000 streams: below the targets' scale";
	}

	// latency

	private int latency() throws IOException, InterruptedException {
		var load = new StreamLoad(new OrderApi(options.url(), options.commandKey()));
		var receipts = new StreamReceipts(load, options.ioThreads());
		var clients = clients(startPosition(), Long.MAX_VALUE, receipts);
		StreamLoad.Result result;
		long drainedNanos;
		long missing;
		long receivedDuringLoad;
		double loadSeconds;
		double platformCpu = -1;
		double harnessCpu;
		int open;
		String loadBefore = loadAverage();
		try {
			open = connect(clients);
			if (open == 0) {
				reportFailures(receipts);
				summary.add("stream latency: no stream opened");
				return 1;
			}
			long start = System.nanoTime();
			long measureFrom = start + options.warmup().toNanos();
			long end = measureFrom + options.duration().toNanos();
			receipts.measure(measureFrom, end);
			out.printf(Locale.ROOT,
					"load: %d order creations/s open loop (at most %d in flight) to %d open streams; warm-up %d s, "
							+ "measure %d s%n",
					options.rate(), options.loadClients(), open, options.warmup().toSeconds(),
					options.duration().toSeconds());
			var progress = new Thread(() -> progressUntil(clients, end), "stream-bench-progress");
			progress.setDaemon(true);
			progress.start();
			double cpuBefore = platform.hasPid() ? platform.cpuSeconds() : -1;
			long harnessCpuBefore = processCpuNanos();
			result = load.run(options.rate(), options.loadClients(), start,
					new MeasurementWindow(measureFrom, end, Long.MAX_VALUE), end);
			double seconds = (System.nanoTime() - measureFrom) / 1e9;
			loadSeconds = (System.nanoTime() - start) / 1e9;
			receivedDuringLoad = received(clients);
			if (cpuBefore >= 0) {
				platformCpu = (platform.cpuSeconds() - cpuBefore) / (seconds + options.warmup().toSeconds());
			}
			harnessCpu = (processCpuNanos() - harnessCpuBefore) / 1e9 / (seconds + options.warmup().toSeconds());
			progress.interrupt();
			drainedNanos = awaitEvents(clients, load.accepted(), options.drain());
			// Before closing: only open streams count.
			missing = missing(clients, load.accepted());
		}
		finally {
			clients.close();
		}
		reportFailures(receipts);
		int stillOpen = open - clients.ended();
		double deliveries = receipts.measured() / result.measuredSeconds();
		Histogram fromTimestamp = receipts.fromTimestampMicros();
		Histogram from201 = receipts.from201Micros();
		out.printf(Locale.ROOT, "opening: %s%n", openSummary(clients, receipts.openMicros()));
		out.printf(Locale.ROOT,
				"commands: %.1f ok/s measured, p99 %s ms, %d non-2xx, %d exceptions; %d orders accepted in all%n",
				result.commands().ok() / result.measuredSeconds(), millis(result.commands().latencyMicros(), 99),
				result.commands().non2xx(), result.commands().exceptions(), result.accepted());
		result.errorSamples().forEach(sample -> out.println("  " + sample));
		double offered = (double) result.accepted() * open / loadSeconds;
		double delivered = receivedDuringLoad / loadSeconds;
		out.printf(Locale.ROOT,
				"fan-out during the load: %.0f events/s offered (orders accepted x open streams), %.0f/s delivered%s%n",
				offered, delivered, delivered < 0.9 * offered ? " (the platform fell behind)" : "");
		out.printf(Locale.ROOT,
				"delivered: %d measured receipts (%.0f events/s over %d streams); %d missing at the end%s; "
						+ "%d out of order; %d streams ended by the server%n",
				receipts.measured(), deliveries, stillOpen, missing,
				drainedNanos >= 0 ? String.format(Locale.ROOT, " (all in %.1f s after the load)", drainedNanos / 1e9)
						: " (drain of " + options.drain().toSeconds() + " s ran out)",
				outOfOrder(clients), clients.ended());
		out.println("latency from the envelope's timestamp: " + percentiles(fromTimestamp));
		out.println("latency from the order's 201:          " + percentiles(from201) + before201(receipts));
		out.printf(Locale.ROOT, "CPU: platform %s, harness %.0f%% of one core; load average %s before, %s after%n",
				platformCpu < 0 ? "n/a (no --pid)"
						: String.format(Locale.ROOT, "%.0f%% of one core", platformCpu * 100),
				harnessCpu * 100, loadBefore, loadAverage());
		String target = fromTimestamp.getTotalCount() == 0 ? "nothing measured"
				: "target p99 < 100 ms: " + (fromTimestamp.getValueAtPercentile(99) < 100_000 ? "met" : "missed")
						+ " from the timestamp, "
						+ (from201.getTotalCount() > 0 && from201.getValueAtPercentile(99) < 100_000 ? "met" : "missed")
						+ " from the 201";
		out.println(target);
		summary.add(String.format(Locale.ROOT,
				"stream latency, %d streams x %d orders/s -> %s: from timestamp %s; from 201 %s; %s; fan-out %.0f/s "
						+ "offered, %.0f/s delivered during the load; %d missing, %d out of order, %d ended; commands %.1f ok/s; platform CPU %s; %.0f s measured (%s)",
				stillOpen, options.rate(), options.url(), percentiles(fromTimestamp), percentiles(from201), target,
				offered, delivered, missing, outOfOrder(clients), clients.ended(),
				result.commands().ok() / result.measuredSeconds(),
				platformCpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", platformCpu * 100),
				result.measuredSeconds(), environment()));
		return receipts.measured() > 0 ? 0 : 1;
	}

	// catch-up

	private int catchUp() throws IOException, InterruptedException {
		long head = platform.head();
		long needed = options.events() - head;
		if (needed > 0) {
			out.printf(Locale.ROOT,
					"filling the log: head at %d, %d more events to create (order lifecycles, %d clients)%n", head,
					needed, options.fillClients());
			var load = new StreamLoad(new OrderApi(options.url(), options.commandKey()));
			var fill = load.fill(needed, options.fillClients(), System.nanoTime() + TimeUnit.MINUTES.toNanos(30));
			out.printf(Locale.ROOT, "filled: %d commands in %.1f s, %d non-2xx, %d exceptions%n", fill.commands().ok(),
					fill.measuredSeconds(), fill.commands().non2xx(), fill.commands().exceptions());
			fill.errorSamples().forEach(sample -> out.println("  " + sample));
			head = platform.head();
		}
		long after = head - options.events();
		if (after < 0) {
			out.printf(Locale.ROOT, "error: the log's head is %d, fewer than the %d events asked for%n", head,
					options.events());
			return 1;
		}
		out.printf(Locale.ROOT, "catch-up: %d streams resume with after=%d; the head is %d, %d positions later%n",
				options.clients(), after, head, head - after);
		long reached = 0;
		for (int round = 1; round <= options.rounds(); round++) {
			reached = catchUpRound(after, head, round == options.rounds() ? "measured" : "warm-up");
		}
		return reached > 0 ? 0 : 1;
	}

	/** One catch-up of every stream; returns how many reached the head. */
	private long catchUpRound(long after, long head, String label) throws IOException, InterruptedException {
		out.println();
		out.println(label + " round:");
		var receipts = new StreamReceipts(null, options.ioThreads());
		var clients = clients(after, head, receipts);
		List<StreamConnection> streams;
		long deadline = System.nanoTime() + options.timeout().toNanos();
		try {
			for (int i = 0; i < options.clients(); i++) {
				clients.open(options.source(i));
			}
			streams = clients.connections();
			while (System.nanoTime() - deadline < 0 && streams.stream()
				.anyMatch(c -> c.reachedNanos() == 0 && c.state() != StreamConnection.State.FAILED
						&& c.state() != StreamConnection.State.ENDED)) {
				Thread.sleep(10);
			}
		}
		finally {
			clients.close();
		}
		reportFailures(receipts);
		Histogram seconds = new Histogram(3);
		long reached = 0;
		long events = 0;
		long slowest = 0;
		for (StreamConnection c : streams) {
			if (c.reachedNanos() == 0) {
				continue;
			}
			reached++;
			long took = c.reachedNanos() - c.startedNanos();
			slowest = Math.max(slowest, took);
			seconds.recordValue(took / 1_000);
			events += c.events();
			if (streams.size() <= 10) {
				out.printf(Locale.ROOT,
						"stream %d: %d events in %.2f s = %.0f events/s (status line after %.0f ms, first event after "
								+ "%.0f ms, %d position-too-old)%n",
						c.index() + 1, c.events(), took / 1e9, c.events() / (took / 1e9),
						(c.openedNanos() - c.startedNanos()) / 1e6, (c.firstEventNanos() - c.startedNanos()) / 1e6,
						c.tooOld());
			}
		}
		long tooOld = streams.stream().mapToLong(StreamConnection::tooOld).sum();
		if (tooOld > 0) {
			out.println("warning: position-too-old received: raise --platform.stream.max-replay-events above "
					+ options.events() + " (and max-replay-age if the events are old)");
		}
		String target = reached == streams.size() ? "target < 5 s: " + (slowest < 5_000_000_000L ? "met" : "missed")
				: (streams.size() - reached) + " of " + streams.size() + " streams did not reach the head within "
						+ options.timeout().toSeconds() + " s";
		double rate = reached == 0 ? 0 : events / (seconds.getMean() / 1e6) / reached;
		double total = slowest == 0 ? 0 : events / (slowest / 1e9);
		out.printf(Locale.ROOT,
				"%d of %d streams reached the head; time to the head %s; %.0f events/s per stream, %.0f events/s in all; "
						+ "%s%n",
				reached, streams.size(), percentilesSeconds(seconds), rate, total, target);
		summary.add(String.format(Locale.ROOT,
				"stream catch-up (%s), %d streams x %d events behind -> %s: %d reached the head, time %s, %.0f events/s "
						+ "per stream, %.0f events/s in all, %d events received; %s (%s)",
				label, streams.size(), head - after, options.url(), reached, percentilesSeconds(seconds), rate, total,
				events, target, environment()));
		return reached;
	}

	// shared steps

	/**
	 * With --resume-at-head, the head read once; else null: each stream starts at the
	 * head.
	 */
	private Long startPosition() throws IOException {
		if (!options.resumeAtHead()) {
			return null;
		}
		long head = platform.head();
		out.printf(Locale.ROOT, "every stream resumes with after=%d, the log's head%n", head);
		return head;
	}

	private StreamClients clients(Long after, long reachId, StreamReceipts receipts) throws IOException {
		return new StreamClients(options.target(), options.streamPath(after), options.streamKey(), reachId,
				options.openTimeout(), options.ioThreads(), receipts);
	}

	/**
	 * Opens the streams at the connect rate and waits until each is open or failed;
	 * returns how many opened.
	 */
	private int connect(StreamClients clients) throws InterruptedException {
		int total = options.clients();
		out.printf(Locale.ROOT, "connecting %d streams at %d/s from 127.0.0.%d to %s (%d per address)%n", total,
				options.connectRate(), options.sourceFirst(), options.lastSource(), options.perSource());
		double slotNanos = 1e9 / options.connectRate();
		long start = System.nanoTime();
		long nextProgress = start + PROGRESS_NANOS;
		for (int i = 0; i < total; i++) {
			long due = start + (long) (i * slotNanos);
			for (long wait; (wait = due - System.nanoTime()) > 0;) {
				LockSupport.parkNanos(wait);
			}
			clients.open(options.source(i));
			if (System.nanoTime() - nextProgress > 0) {
				out.printf(Locale.ROOT, "  %4.0f s: %d started, %d open, %d failed%n",
						(System.nanoTime() - start) / 1e9, i + 1, clients.opened(), clients.failed());
				nextProgress += PROGRESS_NANOS;
			}
		}
		// Each connection fails on its own after the open timeout; a little more for the
		// check.
		long deadline = System.nanoTime() + options.openTimeout().toNanos() + TimeUnit.SECONDS.toNanos(2);
		while (clients.opened() + clients.failed() < total && System.nanoTime() - deadline < 0) {
			Thread.sleep(20);
			if (System.nanoTime() - nextProgress > 0) {
				out.printf(Locale.ROOT, "  %4.0f s: %d started, %d open, %d failed%n",
						(System.nanoTime() - start) / 1e9, total, clients.opened(), clients.failed());
				nextProgress += PROGRESS_NANOS;
			}
		}
		out.printf(Locale.ROOT, "connected in %.1f s: %d open, %d failed or refused, %d pending%n",
				(System.nanoTime() - start) / 1e9, clients.opened(), clients.failed(),
				total - clients.opened() - clients.failed());
		return clients.opened();
	}

	/**
	 * Waits until every open stream has at least {@code events} events or the time is up;
	 * returns how long that took, or -1 if some are still missing.
	 */
	private static long awaitEvents(StreamClients clients, long events, Duration wait) throws InterruptedException {
		long start = System.nanoTime();
		while (System.nanoTime() - start < wait.toNanos()) {
			if (missing(clients, events) == 0) {
				return System.nanoTime() - start;
			}
			Thread.sleep(20);
		}
		return -1;
	}

	/** Events the open streams lack, if each should have {@code events}. */
	private static long missing(StreamClients clients, long events) {
		long missing = 0;
		for (StreamConnection c : clients.connections()) {
			if (c.state() == StreamConnection.State.OPEN) {
				missing += Math.max(0, events - c.events());
			}
		}
		return missing;
	}

	/** Events received so far by every stream. */
	private static long received(StreamClients clients) {
		return clients.connections().stream().mapToLong(StreamConnection::events).sum();
	}

	private static long outOfOrder(StreamClients clients) {
		return clients.connections().stream().mapToLong(StreamConnection::outOfOrder).sum();
	}

	private void sleepWithProgress(Duration duration, StreamClients clients) throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		for (long left; (left = end - System.nanoTime()) > 0;) {
			Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 10_000));
			if (end - System.nanoTime() > 0) {
				out.printf(Locale.ROOT, "  %d open, %d ended by the server, %d keepalives received%n",
						clients.opened() - clients.ended(), clients.ended(), keepalives(clients));
			}
		}
	}

	/** Prints the open streams and events received every 5 s; on its own thread. */
	private void progressUntil(StreamClients clients, long end) {
		try {
			while (end - System.nanoTime() > 0) {
				Thread.sleep(PROGRESS_NANOS / 1_000_000);
				long events = received(clients);
				out.printf(Locale.ROOT, "  %d open, %d ended by the server, %d events received%n",
						clients.opened() - clients.ended(), clients.ended(), events);
			}
		}
		catch (InterruptedException e) {
			// The load is over.
		}
	}

	private static long keepalives(StreamClients clients) {
		// Read while the I/O threads count: a close figure is all that is needed.
		return clients.connections().stream().mapToLong(StreamConnection::keepalives).sum();
	}

	/**
	 * Refuses to start streams this JVM cannot hold, and warns when the platform cannot.
	 */
	private boolean checkFileLimits() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof UnixOperatingSystemMXBean unix) {
			long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - FD_RESERVE;
			if (options.clients() > free) {
				out.printf(Locale.ROOT,
						"error: this process may open %d files (ulimit -n) and has %d open: room for about %d streams, "
								+ "not %d. Raise ulimit -n, or run several harness processes with smaller --clients "
								+ "and distinct --source-first.%n",
						unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount(), Math.max(0, free),
						options.clients());
				return false;
			}
		}
		if (platform.hasPid()) {
			var limit = platform.openFileLimit();
			long openFiles = platform.openFiles();
			out.printf(Locale.ROOT, "platform pid %d: open-file limit %s, %d files open%n", options.pid(),
					limit.isPresent() ? Long.toString(limit.getAsLong()) : "unlimited or unknown", openFiles);
			if (limit.isPresent() && openFiles >= 0 && options.clients() > limit.getAsLong() - openFiles - 100) {
				out.printf(Locale.ROOT,
						"warning: the platform may open %d files and has %d open: it cannot accept %d more streams "
								+ "(start it from a shell with a higher ulimit -n)%n",
						limit.getAsLong(), openFiles, options.clients());
			}
		}
		return true;
	}

	private void reportFailures(StreamReceipts receipts) {
		var samples = receipts.errorSamples();
		if (!samples.isEmpty()) {
			out.println("first distinct stream failures:");
			samples.forEach(sample -> out.println("  " + sample));
			if (samples.stream().anyMatch(sample -> sample.contains("HTTP 429"))) {
				out.println("hint: start the platform with --platform.stream.max-connections=N and "
						+ "--platform.stream.max-connections-per-key=N, N at least the streams of every harness");
			}
		}
	}

	private String streams() {
		OptionalDouble gauge = platform.metric("platform_stream_connections");
		return gauge.isPresent() ? String.format(Locale.ROOT, "%.0f", gauge.getAsDouble()) : "n/a";
	}

	private static String openSummary(StreamClients clients, Histogram openMicros) {
		return String.format(Locale.ROOT,
				"%d open, %d failed or refused, %d ended by the server; time to status line %s", clients.opened(),
				clients.failed(), clients.ended(), percentiles(openMicros));
	}

	static String percentiles(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "p50 %s ms, p90 %s ms, p99 %s ms, p99.9 %s ms, max %s ms (n=%d)",
				millis(micros, 50), millis(micros, 90), millis(micros, 99), millis(micros, 99.9),
				DeliveryRunResult.millis(micros.getMaxValue()), micros.getTotalCount());
	}

	private static String percentilesSeconds(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "p50 %.2f s, max %.2f s", micros.getValueAtPercentile(50) / 1e6,
				micros.getMaxValue() / 1e6);
	}

	private static String millis(Histogram micros, double percentile) {
		return micros.getTotalCount() == 0 ? "-" : DeliveryRunResult.millis(micros.getValueAtPercentile(percentile));
	}

	private static String before201(StreamReceipts receipts) {
		return receipts.before201() == 0 ? ""
				: "; " + receipts.before201() + " receipts arrived before their 201 was read (not in these figures)";
	}

	private String header() {
		return String.format(Locale.ROOT,
				"JVM %s %s (%s), %d cores; mode %s; target %s%s; %d streams; %d I/O thread(s)%s",
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
				options.mode().cliName(), options.url(),
				options.streamPath(null) + (options.resumeAtHead() ? " (after=<head>)" : ""), options.clients(),
				options.ioThreads(), options.pid() == null ? "" : "; platform pid " + options.pid());
	}

	private String harness() {
		return String.format(Locale.ROOT, "RSS %s, heap used %s", StreamPlatform.mib(StreamPlatform.ownRss()),
				StreamPlatform.mib(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
	}

	private static long processCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", load);
	}

	private static String environment() {
		return "JDK " + System.getProperty("java.runtime.version") + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores";
	}

}
