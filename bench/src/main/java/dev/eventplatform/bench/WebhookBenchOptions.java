package dev.eventplatform.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Command-line options of {@link WebhookDeliveryBenchmark}; parsed like
 * {@link BenchOptions}, with the same loopback rule for the platform and for the
 * receivers' address.
 */
record WebhookBenchOptions(URI url, String commandKey, String subscriberKey, int receivers, List<String> eventTypes,
		int rate, int clients, Duration warmup, Duration duration, Duration drain, boolean hungEndpoint,
		boolean compareHung, String receiverHost, boolean allowRemote) {

	static final String USAGE = """
			Usage: ./mvnw -q -pl bench compile exec:java@webhooks -Dexec.args="[options]"

			Starts HTTP receivers on loopback, subscribes each to order events through the
			platform's API, creates orders at a fixed rate and prints deliveries/s and the
			latency from each command's 201 to each receiver's webhook (p50/p90/p99/max),
			plus missing and duplicate deliveries. The platform must allow private targets:
			--platform.webhooks.allow-private-targets=true.

			  --url URL              base URL of the platform (default http://127.0.0.1:8080);
			                         must be a loopback address unless --allow-remote is given
			  --key KEY              bearer key for the commands (default demo-command-key)
			  --subscriber-key KEY   bearer key for the subscriptions (default demo-subscriber-key)
			  --receivers N          healthy receivers, one subscription each (default 5)
			  --event-types LIST     comma-separated types each receiver subscribes to; must take
			                         order.created (default order.created)
			  --rate N               order creations per second, open loop (default 400)
			  --clients N            most commands in flight at once (default 64)
			  --warmup SECONDS       unmeasured load before the window (default 10)
			  --duration SECONDS     measured window (default 30)
			  --drain SECONDS        longest wait for outstanding deliveries after the load (default 30)
			  --hung-endpoint        add one receiver that never answers
			  --compare-hung         run twice, without and with a hung endpoint, and print the ratio
			                         of the healthy receivers' p99
			  --receiver-host IP     address the receivers bind to and subscribe with (default
			                         127.0.0.1); must be loopback unless --allow-remote is given
			  --allow-remote         permit non-loopback addresses
			  --help                 print this help
			""";

	/** Each receiver is a JDK HTTP server with its own threads. */
	static final int MAX_RECEIVERS = 100;

	static final int MAX_RATE = 100_000;

	private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]*\\.([a-z][a-z0-9_]*|\\*)");

	private static final Pattern IP_LITERAL = Pattern
		.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\\]?");

	WebhookBenchOptions {
		eventTypes = List.copyOf(eventTypes);
	}

	static WebhookBenchOptions parse(String... args) {
		Map<String, String> values = new HashMap<>();
		boolean allowRemote = false;
		boolean hungEndpoint = false;
		boolean compareHung = false;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			switch (option) {
				case "--allow-remote" -> allowRemote = true;
				case "--hung-endpoint" -> hungEndpoint = true;
				case "--compare-hung" -> compareHung = true;
				case "--url", "--key", "--subscriber-key", "--receivers", "--event-types", "--rate", "--clients",
						"--warmup", "--duration", "--drain", "--receiver-host" -> {
					if (i + 1 == args.length) {
						throw new IllegalArgumentException(option + " needs a value");
					}
					values.put(option, args[++i]);
				}
				default -> throw new IllegalArgumentException("unknown option: " + option);
			}
		}
		if (hungEndpoint && compareHung) {
			throw new IllegalArgumentException(
					"--compare-hung runs both without and with a hung endpoint:" + " leave out --hung-endpoint");
		}

		URI url = BenchOptions.parseUrl(values.getOrDefault("--url", "http://127.0.0.1:8080"));
		if (!allowRemote && !BenchOptions.isLoopback(url.getHost())) {
			throw new IllegalArgumentException("refusing to load " + url.getHost()
					+ ": only loopback targets (127.0.0.0/8, localhost, ::1) are allowed without --allow-remote");
		}
		String receiverHost = parseReceiverHost(values.getOrDefault("--receiver-host", "127.0.0.1"), allowRemote);
		return new WebhookBenchOptions(url, key(values, "--key", "demo-command-key"),
				key(values, "--subscriber-key", "demo-subscriber-key"),
				(int) BenchOptions.parseNumber("--receivers", values.getOrDefault("--receivers", "5"), 1,
						MAX_RECEIVERS),
				parseEventTypes(values.getOrDefault("--event-types", "order.created")),
				(int) BenchOptions.parseNumber("--rate", values.getOrDefault("--rate", "400"), 1, MAX_RATE),
				(int) BenchOptions.parseNumber("--clients", values.getOrDefault("--clients", "64"), 1,
						BenchOptions.MAX_CLIENTS),
				seconds(values, "--warmup", "10", 0), seconds(values, "--duration", "30", 1),
				seconds(values, "--drain", "30", 0), hungEndpoint, compareHung, receiverHost, allowRemote);
	}

	/** The receivers' address; a literal, so that nothing is looked up. */
	InetAddress receiverAddress() {
		try {
			return InetAddress.getByName(receiverHost);
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException("not an address literal: " + receiverHost, e);
		}
	}

	private static String key(Map<String, String> values, String option, String defaultKey) {
		String key = values.getOrDefault(option, defaultKey);
		if (key.isBlank()) {
			throw new IllegalArgumentException(option + " must not be blank");
		}
		return key;
	}

	private static Duration seconds(Map<String, String> values, String option, String defaultValue, long min) {
		return Duration.ofSeconds(BenchOptions.parseNumber(option, values.getOrDefault(option, defaultValue), min,
				BenchOptions.MAX_SECONDS));
	}

	private static List<String> parseEventTypes(String value) {
		List<String> types = new ArrayList<>();
		// -1 keeps a trailing empty entry, which is then refused.
		for (String part : value.split(",", -1)) {
			String type = part.trim();
			if (!EVENT_TYPE.matcher(type).matches()) {
				throw new IllegalArgumentException(
						"--event-types must list types such as order.created or order.*," + " was: " + value);
			}
			types.add(type);
		}
		if (!types.contains("order.created") && !types.contains("order.*")) {
			throw new IllegalArgumentException(
					"--event-types must take order.created (the only event the load creates), was: " + value);
		}
		return types;
	}

	private static String parseReceiverHost(String value, boolean allowRemote) {
		String bare = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
		if (!IP_LITERAL.matcher(value).matches()) {
			throw new IllegalArgumentException("--receiver-host must be an IP address, was: " + value);
		}
		if (!allowRemote && !BenchOptions.isLoopback(bare)) {
			throw new IllegalArgumentException(
					"refusing receivers on " + value + ": only loopback addresses are allowed without --allow-remote");
		}
		try {
			InetAddress address = InetAddress.getByName(bare);
			return address.getAddress().length == 16 ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException("--receiver-host must be an IP address, was: " + value);
		}
	}

}
