package dev.eventplatform.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Command-line options of {@link CommandLoadBenchmark}. Parsing fails fast with an
 * {@link IllegalArgumentException} whose message is meant for the person at the terminal.
 */
record BenchOptions(URI url, String key, List<Integer> concurrency, Duration warmup, Duration duration,
		long maxRequests, Mix mix, boolean allowRemote) {

	static final String USAGE = """
			Usage: ./mvnw -q -pl bench compile exec:java -Dexec.args="[options]"

			Drives order commands over HTTP/1.1 against a running event platform and prints,
			per concurrency level, successful commands/s and p50/p90/p99/max latency.

			  --url URL            base URL of the platform (default http://127.0.0.1:8080);
			                       must be a loopback address unless --allow-remote is given
			  --key KEY            bearer key for the command API (default demo-command-key)
			  --concurrency LIST   comma-separated numbers of closed-loop clients (default 1,8,32,64)
			  --warmup SECONDS     unmeasured warm-up per level (default 5)
			  --duration SECONDS   measured time per level (default 20)
			  --max-requests N     cap on commands sent per level, warm-up included (default 2000000)
			  --mix MIX            lifecycle: create, pay, ship, deliver each order (default)
			                       create-only: only create orders
			  --allow-remote       permit a non-loopback target
			  --help               print this help
			""";

	/**
	 * Each client is a platform thread; far beyond this the harness measures itself, not
	 * the server.
	 */
	static final int MAX_CLIENTS = 1024;

	/**
	 * A day: keeps Duration arithmetic far from overflow while allowing any sensible
	 * soak.
	 */
	static final long MAX_SECONDS = 86_400;

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/** What each virtual client does in a loop. */
	enum Mix {

		/**
		 * Create, pay, ship, deliver: three of every four commands act on an existing
		 * aggregate.
		 */
		LIFECYCLE("lifecycle"),
		/** Only creates: isolates the cost of starting new event streams. */
		CREATE_ONLY("create-only");

		private final String cliName;

		Mix(String cliName) {
			this.cliName = cliName;
		}

		String cliName() {
			return cliName;
		}

		static Mix fromCliName(String name) {
			for (Mix mix : values()) {
				if (mix.cliName.equals(name)) {
					return mix;
				}
			}
			throw new IllegalArgumentException("--mix must be lifecycle or create-only, was: " + name);
		}

	}

	BenchOptions {
		concurrency = List.copyOf(concurrency);
	}

	static BenchOptions parse(String... args) {
		Map<String, String> values = new HashMap<>();
		boolean allowRemote = false;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			switch (option) {
				case "--allow-remote" -> allowRemote = true;
				case "--url", "--key", "--concurrency", "--warmup", "--duration", "--max-requests", "--mix" -> {
					if (i + 1 == args.length) {
						throw new IllegalArgumentException(option + " needs a value");
					}
					values.put(option, args[++i]);
				}
				default -> throw new IllegalArgumentException("unknown option: " + option);
			}
		}

		URI url = parseUrl(values.getOrDefault("--url", "http://127.0.0.1:8080"));
		if (!allowRemote && !isLoopback(url.getHost())) {
			throw new IllegalArgumentException("refusing to load " + url.getHost()
					+ ": only loopback targets (127.0.0.0/8, localhost, ::1) are allowed without --allow-remote");
		}
		String key = values.getOrDefault("--key", "demo-command-key");
		if (key.isBlank()) {
			throw new IllegalArgumentException("--key must not be blank");
		}
		return new BenchOptions(url, key, parseConcurrency(values.getOrDefault("--concurrency", "1,8,32,64")),
				Duration.ofSeconds(parseNumber("--warmup", values.getOrDefault("--warmup", "5"), 0, MAX_SECONDS)),
				Duration.ofSeconds(parseNumber("--duration", values.getOrDefault("--duration", "20"), 1, MAX_SECONDS)),
				parseNumber("--max-requests", values.getOrDefault("--max-requests", "2000000"), 1, Long.MAX_VALUE),
				Mix.fromCliName(values.getOrDefault("--mix", Mix.LIFECYCLE.cliName())), allowRemote);
	}

	/**
	 * True for localhost and for IPv4/IPv6 loopback literals. Other names are refused
	 * rather than resolved, so neither DNS nor /etc/hosts can redirect the load
	 * elsewhere.
	 */
	static boolean isLoopback(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
			return true;
		}
		if (!IPV4_LITERAL.matcher(bare).matches() && !bare.contains(":")) {
			return false;
		}
		try {
			// A literal address is parsed, never looked up.
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

	static URI parseUrl(String value) {
		URI url;
		try {
			url = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
		}
		catch (URISyntaxException e) {
			throw new IllegalArgumentException("--url is not a valid URL: " + value);
		}
		if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
			throw new IllegalArgumentException("--url must be an http(s) URL with a host, was: " + value);
		}
		return url;
	}

	private static List<Integer> parseConcurrency(String value) {
		List<Integer> levels = new ArrayList<>();
		for (String part : value.split(",")) {
			levels.add((int) parseNumber("--concurrency", part.trim(), 1, MAX_CLIENTS));
		}
		return levels;
	}

	static long parseNumber(String option, String value, long min, long max) {
		long number;
		try {
			number = Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(option + " must be a whole number, was: " + value);
		}
		if (number < min || number > max) {
			throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was: " + value);
		}
		return number;
	}
}
