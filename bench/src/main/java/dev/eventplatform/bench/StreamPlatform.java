package dev.eventplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the harness reads about the platform: its event log's head and its metrics over
 * HTTP with the operator key, and, when its process id is given (same machine, same
 * user), its heap after a full GC ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}),
 * its resident set ({@code /proc/<pid>/status}), its CPU time and its open-file limit.
 */
final class StreamPlatform {

	/** Heap after a full GC and resident set, in bytes. */
	record Memory(long heapUsed, long heapCommitted, long rss) {

		String describe() {
			return String.format(Locale.ROOT, "heap after GC %s (committed %s), RSS %s", mib(heapUsed),
					mib(heapCommitted), mib(rss));
		}

	}

	private static final Pattern HEAD = Pattern.compile("\"headPosition\"\\s*:\\s*(-?\\d+)");

	// G1: "garbage-first heap total 262144K, used 12345K"; Serial and Parallel print one
	// such line per generation.
	private static final Pattern HEAP_INFO = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

	private static final Pattern OPEN_FILES = Pattern.compile("Max open files\\s+(\\d+|unlimited)\\s+(\\d+|unlimited)");

	private static final long CLOCK_TICKS_PER_SECOND = 100;

	private final URI base;

	private final String operatorKey;

	private final Long pid;

	StreamPlatform(URI base, String operatorKey, Long pid) {
		this.base = base;
		this.operatorKey = operatorKey;
		this.pid = pid;
	}

	boolean hasPid() {
		return pid != null;
	}

	/**
	 * The position of the last event in the log ({@code GET /processors/order-summary}).
	 */
	long head() throws IOException {
		var response = Http.exchange("GET", Http.url(base + "/processors/order-summary"), operatorKey, null);
		if (response.status() != 200) {
			throw new IOException("GET /processors/order-summary answered " + response.status() + " " + response.body()
					+ " (is --operator-key an OPERATOR key?)");
		}
		Matcher matcher = HEAD.matcher(response.body());
		if (!matcher.find()) {
			throw new IOException("no headPosition in " + response.body());
		}
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * One value of {@code /actuator/prometheus}, summed over its series: for example
	 * {@code platform_stream_connections}. Empty when it cannot be read.
	 */
	OptionalDouble metric(String name) {
		try {
			var response = Http.exchange("GET", Http.url(base + "/actuator/prometheus"), operatorKey, null);
			if (response.status() != 200) {
				return OptionalDouble.empty();
			}
			double sum = 0;
			boolean found = false;
			for (String line : response.body().split("\n")) {
				if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
					sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					found = true;
				}
			}
			return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
		}
		catch (IOException | NumberFormatException e) {
			return OptionalDouble.empty();
		}
	}

	/** Runs a full GC in the platform and reads its heap and RSS; needs the pid. */
	Memory memoryAfterGc() throws IOException, InterruptedException {
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		Matcher matcher = HEAP_INFO.matcher(info);
		long committed = 0;
		long used = 0;
		boolean found = false;
		while (matcher.find()) {
			committed += Long.parseLong(matcher.group(1)) * 1024;
			used += Long.parseLong(matcher.group(2)) * 1024;
			found = true;
		}
		if (!found) {
			throw new IOException("jcmd " + pid + " GC.heap_info printed no 'total ...K, used ...K':\n" + info);
		}
		return new Memory(used, committed, rss());
	}

	/** Resident set of the platform, in bytes. */
	long rss() throws IOException {
		return rssOf(Path.of("/proc", pid.toString(), "status"));
	}

	/** Resident set of this harness, in bytes; -1 when unknown. */
	static long ownRss() {
		try {
			return rssOf(Path.of("/proc/self/status"));
		}
		catch (IOException e) {
			return -1;
		}
	}

	/** User plus system CPU seconds of the platform so far; -1 when unknown. */
	double cpuSeconds() {
		try {
			String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
			// The fields after the command name, which is in parentheses and may hold
			// spaces.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/** The platform's soft open-file limit; empty when unknown or unlimited. */
	OptionalLong openFileLimit() {
		try {
			Matcher matcher = OPEN_FILES.matcher(Files.readString(Path.of("/proc", pid.toString(), "limits")));
			if (matcher.find() && !matcher.group(1).equals("unlimited")) {
				return OptionalLong.of(Long.parseLong(matcher.group(1)));
			}
		}
		catch (IOException | RuntimeException e) {
			// Unknown.
		}
		return OptionalLong.empty();
	}

	/** Files the platform has open now; -1 when unknown. */
	long openFiles() {
		try (var files = Files.list(Path.of("/proc", pid.toString(), "fd"))) {
			return files.count();
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	static String mib(long bytes) {
		return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
	}

	private static long rssOf(Path status) throws IOException {
		Matcher matcher = RSS.matcher(Files.readString(status));
		if (!matcher.find()) {
			throw new IOException("no VmRSS in " + status);
		}
		return Long.parseLong(matcher.group(1)) * 1024;
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(jcmdPath(), pid.toString(), command)).redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("jcmd " + pid + " " + command + " did not finish within 60 s");
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IOException("jcmd " + pid + " " + command + " failed: " + text.strip());
		}
		return text;
	}

	/**
	 * The jcmd of the JDK this harness runs on, if it has one; else the one on the PATH.
	 */
	private static String jcmdPath() {
		Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		return Files.isExecutable(own) ? own.toString() : "jcmd";
	}

}
