package dev.eventplatform.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Command-line options of {@link StreamBenchmark}; parsed like {@link BenchOptions}. The
 * platform must be on IPv4 loopback: connections come from 127.0.0.N source addresses.
 */
record StreamBenchOptions(Mode mode, URI url, String streamKey, String commandKey, String operatorKey, String types,
		int clients, boolean resumeAtHead, int ioThreads, int sourceFirst, int perSource, int connectRate,
		Duration openTimeout, Long pid, Duration hold, int probeEvents, int rate, int loadClients, Duration warmup,
		Duration duration, Duration drain, long events, int fillClients, Duration timeout, int rounds) {

	static final String USAGE = """
			Usage: ./mvnw -q -pl bench compile exec:java@stream -Dexec.args="--mode MODE [options]"

			Many Server-Sent Events clients of GET /events/stream on one platform node, from
			127.0.0.N source addresses; loopback only. Modes (issue 9's targets):
			  hold      --clients streams held open: the platform's heap after a full GC and its RSS
			            (needs --pid), then the fan-out of a few orders to every stream
			  latency   --clients streams while orders are created at --rate per second:
			            end-to-end latency p50/p90/p99/max (target p99 < 100 ms at 1,000 x 500/s)
			  catch-up  --clients streams resume with after=<head - events>: time and events/s
			            until each has the head (target 100,000 events in < 5 s)

			  --url URL              platform (default http://127.0.0.1:8080); localhost or 127.x only
			  --stream-key KEY       STREAM key (default demo-stream-key)
			  --key KEY              COMMAND key for the orders (default demo-command-key)
			  --operator-key KEY     OPERATOR key for the head and metrics (default demo-operator-key)
			  --types LIST           types= of the streams (default: none, every type)
			  --clients N            streams (default: hold 10000, latency 1000, catch-up 1)
			  --resume-at-head       hold and latency: open each stream with after=<the log's head, read
			                         once>, as clients that reconnect with Last-Event-ID do; without it
			                         each new stream makes the platform read its committed horizon
			  --pid PID              the platform's process id: heap after GC (jcmd), RSS, CPU, fd limit
			  --io-threads N         selector threads of the harness (default 1)
			  --source-first N       first source address 127.0.0.N (default 2)
			  --per-source N         streams per source address (default 5000; at most 28000)
			  --connect-rate N       new streams per second (default 100)
			  --open-timeout SECONDS a stream that has no status line this long after it started
			                         connecting fails (default 120)
			hold:
			  --hold SECONDS         time all streams stay open before the memory is read (default 30)
			  --probe-events N       orders created after the memory reading, one every 200 ms, whose
			                         fan-out to every stream is timed (default 5; 0 for none)
			latency:
			  --rate N               order creations per second, open loop (default 500)
			  --load-clients N       most commands in flight (default 64)
			  --warmup SECONDS       load before the measured window (default 10)
			  --duration SECONDS     measured window (default 30)
			  --drain SECONDS        longest wait for the last events after the load (default 10)
			catch-up:
			  --events N             how far behind the head the streams resume (default 100000); the
			                         log is first filled with order lifecycles up to that size
			  --fill-clients N       closed-loop clients filling the log (default 16)
			  --timeout SECONDS      longest wait for the streams to reach the head (default 120)
			  --rounds N             catch-ups in a row; the last is the figure, the first ones warm the
			                         platform's JIT up (default 2)
			  --help                 print this help
			""";

	/** Ephemeral ports per source address: 32768-60999 by default. */
	static final int MAX_PER_SOURCE = 28_000;

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern TYPES = Pattern.compile("[a-z0-9_.*]+(,[a-z0-9_.*]+)*");

	/** What a run measures. */
	enum Mode {

		HOLD("hold", 10_000), LATENCY("latency", 1_000), CATCH_UP("catch-up", 1);

		private final String cliName;

		private final int defaultClients;

		Mode(String cliName, int defaultClients) {
			this.cliName = cliName;
			this.defaultClients = defaultClients;
		}

		String cliName() {
			return cliName;
		}

		static Mode fromCliName(String name) {
			for (Mode mode : values()) {
				if (mode.cliName.equals(name)) {
					return mode;
				}
			}
			throw new IllegalArgumentException("--mode must be hold, latency or catch-up, was: " + name);
		}

	}

	static StreamBenchOptions parse(String... args) {
		Map<String, String> values = new HashMap<>();
		boolean resumeAtHead = false;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			switch (option) {
				case "--resume-at-head" -> resumeAtHead = true;
				case "--mode", "--url", "--stream-key", "--key", "--operator-key", "--types", "--clients", "--pid",
						"--io-threads", "--source-first", "--per-source", "--connect-rate", "--open-timeout", "--hold",
						"--probe-events", "--rate", "--load-clients", "--warmup", "--duration", "--drain", "--events",
						"--fill-clients", "--timeout", "--rounds" -> {
					if (i + 1 == args.length) {
						throw new IllegalArgumentException(option + " needs a value");
					}
					values.put(option, args[++i]);
				}
				default -> throw new IllegalArgumentException("unknown option: " + option);
			}
		}
		if (!values.containsKey("--mode")) {
			throw new IllegalArgumentException("--mode is required: hold, latency or catch-up");
		}
		Mode mode = Mode.fromCliName(values.get("--mode"));
		URI url = BenchOptions.parseUrl(values.getOrDefault("--url", "http://127.0.0.1:8080"));
		if (!"http".equals(url.getScheme()) || !isIpv4Loopback(url.getHost())) {
			throw new IllegalArgumentException("refusing " + url
					+ ": the stream harness talks plain http to localhost or 127.0.0.0/8 only (its connections come "
					+ "from 127.0.0.N source addresses)");
		}
		int clients = (int) number(values, "--clients", Integer.toString(mode.defaultClients), 1, 100_000);
		int sourceFirst = (int) number(values, "--source-first", "2", 1, 254);
		int perSource = (int) number(values, "--per-source", "5000", 1, MAX_PER_SOURCE);
		int sources = (clients + perSource - 1) / perSource;
		if (sourceFirst + sources - 1 > 254) {
			throw new IllegalArgumentException(
					clients + " streams at " + perSource + " per source address from 127.0.0." + sourceFirst
							+ " would need addresses past 127.0.0.254: raise --per-source or lower --source-first");
		}
		String types = values.get("--types");
		if (types != null && !TYPES.matcher(types).matches()) {
			throw new IllegalArgumentException(
					"--types must list types such as order.created or order.*, was: " + types);
		}
		String pid = values.get("--pid");
		return new StreamBenchOptions(mode, url, key(values, "--stream-key", "demo-stream-key"),
				key(values, "--key", "demo-command-key"), key(values, "--operator-key", "demo-operator-key"), types,
				clients, resumeAtHead, (int) number(values, "--io-threads", "1", 1, 64), sourceFirst, perSource,
				(int) number(values, "--connect-rate", "100", 1, 100_000), seconds(values, "--open-timeout", "120", 1),
				pid == null ? null : BenchOptions.parseNumber("--pid", pid, 1, Long.MAX_VALUE),
				seconds(values, "--hold", "30", 0), (int) number(values, "--probe-events", "5", 0, 1_000),
				(int) number(values, "--rate", "500", 1, 100_000),
				(int) number(values, "--load-clients", "64", 1, BenchOptions.MAX_CLIENTS),
				seconds(values, "--warmup", "10", 0), seconds(values, "--duration", "30", 1),
				seconds(values, "--drain", "10", 0), number(values, "--events", "100000", 1, 10_000_000),
				(int) number(values, "--fill-clients", "16", 1, 256), seconds(values, "--timeout", "120", 1),
				(int) number(values, "--rounds", "2", 1, 20));
	}

	/**
	 * The platform's socket address; the host is a literal or localhost, never looked up.
	 */
	InetSocketAddress target() {
		String host = url.getHost().equalsIgnoreCase("localhost") ? "127.0.0.1" : url.getHost();
		int port = url.getPort() < 0 ? 80 : url.getPort();
		return new InetSocketAddress(address(host), port);
	}

	/** Source address of the {@code index}th stream (from 0). */
	InetAddress source(int index) {
		return address("127.0.0." + (sourceFirst + index / perSource));
	}

	/** The last source address used. */
	String lastSource() {
		return "127.0.0." + (sourceFirst + (clients - 1) / perSource);
	}

	/**
	 * Path and query of the stream's request; {@code after} is null for a start at the
	 * head.
	 */
	String streamPath(Long after) {
		StringBuilder path = new StringBuilder("/events/stream");
		char separator = '?';
		if (types != null) {
			path.append(separator).append("types=").append(types);
			separator = '&';
		}
		if (after != null) {
			path.append(separator).append("after=").append(after);
		}
		return path.toString();
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException("not an address literal: " + literal, e);
		}
	}

	private static boolean isIpv4Loopback(String host) {
		return host != null && (host.equalsIgnoreCase("localhost")
				|| IPV4_LITERAL.matcher(host).matches() && BenchOptions.isLoopback(host));
	}

	private static String key(Map<String, String> values, String option, String defaultKey) {
		String key = values.getOrDefault(option, defaultKey);
		if (key.isBlank() || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
			throw new IllegalArgumentException(option + " must be printable ASCII without spaces");
		}
		return key;
	}

	private static long number(Map<String, String> values, String option, String defaultValue, long min, long max) {
		return BenchOptions.parseNumber(option, values.getOrDefault(option, defaultValue), min, max);
	}

	private static Duration seconds(Map<String, String> values, String option, String defaultValue, long min) {
		return Duration.ofSeconds(number(values, option, defaultValue, min, BenchOptions.MAX_SECONDS));
	}

}
