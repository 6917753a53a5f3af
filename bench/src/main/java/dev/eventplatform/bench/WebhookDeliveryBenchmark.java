package dev.eventplatform.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Webhook delivery harness: N healthy receivers (and optionally one that hangs) on
 * loopback, each subscribed through the API; order creations at a fixed rate; then
 * deliveries per second, the latency from each command's 201 to each webhook, and what is
 * missing or duplicated. {@code --compare-hung} runs twice, without and with a hung
 * endpoint, and compares the healthy receivers' p99. Exits with 1 when nothing was
 * created or delivered, or a subscription was refused.
 */
public final class WebhookDeliveryBenchmark {

	/** The bound on the healthy endpoints' p99 when one endpoint hangs. */
	static final double HUNG_P99_RATIO_GOAL = 1.2;

	private WebhookDeliveryBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		List<String> arguments = List.of(args);
		if (arguments.contains("--help") || arguments.contains("-h")) {
			System.out.print(WebhookBenchOptions.USAGE);
			return;
		}
		WebhookBenchOptions options;
		try {
			options = WebhookBenchOptions.parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("error: " + e.getMessage());
			System.err.print(WebhookBenchOptions.USAGE);
			System.exit(2);
			return;
		}
		// The JDK keeps 5 idle connections per host by default: with more commands in
		// flight, the others would be closed after each answer and opened again.
		if (System.getProperty("http.maxConnections") == null) {
			System.setProperty("http.maxConnections", Integer.toString(options.clients()));
		}
		int status = run(options, System.out);
		// Only exit explicitly on failure: under exec:java, System.exit ends Maven's JVM
		// too.
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(WebhookBenchOptions options, PrintStream out) throws InterruptedException {
		out.println(header(options));
		List<Boolean> runs = options.compareHung() ? List.of(false, true) : List.of(options.hungEndpoint());
		List<DeliveryRunResult> results = new ArrayList<>();
		DeliveryRun deliveryRun = new DeliveryRun(options, out);
		for (boolean hung : runs) {
			out.println();
			out.println(hung ? "With one hung endpoint:" : "Healthy endpoints only:");
			DeliveryRunResult result;
			try {
				result = deliveryRun.run(hung);
			}
			catch (IOException | IllegalStateException e) {
				out.println("error: " + e.getMessage());
				if (String.valueOf(e.getMessage()).contains("INVALID_WEBHOOK_URL")) {
					out.println("hint: start the platform with --platform.webhooks.allow-private-targets=true");
				}
				return 1;
			}
			out.println(DeliveryRunResult.TABLE_HEADER);
			result.tableRows().forEach(out::println);
			if (!result.errorSamples().isEmpty()) {
				out.println("First distinct command errors (warm-up included):");
				result.errorSamples().forEach(sample -> out.println("  " + sample));
			}
			results.add(result);
		}

		out.println();
		out.println("Summary:");
		for (DeliveryRunResult result : results) {
			out.println("  " + result.summary(options.url().toString(), environment()));
		}
		if (results.size() == 2 && results.get(0).hasDeliveries() && results.get(1).hasDeliveries()) {
			out.println("  " + comparison(results.get(0), results.get(1)));
		}
		return results.stream().allMatch(r -> r.commands().ok() > 0 && r.hasDeliveries()) ? 0 : 1;
	}

	static String comparison(DeliveryRunResult without, DeliveryRunResult with) {
		double ratio = (double) with.p99Micros() / Math.max(1, without.p99Micros());
		return String.format(Locale.ROOT,
				"hung endpoint: healthy p99 %s ms with it, %s ms without: ratio %.2f (goal at most %.2f: %s);"
						+ " %.1f vs %.1f deliveries/s",
				DeliveryRunResult.millis(with.p99Micros()), DeliveryRunResult.millis(without.p99Micros()), ratio,
				HUNG_P99_RATIO_GOAL, ratio <= HUNG_P99_RATIO_GOAL ? "met" : "missed", with.deliveriesPerSecond(),
				without.deliveriesPerSecond());
	}

	private static String header(WebhookBenchOptions options) {
		return String.format(Locale.ROOT,
				"JVM %s %s (%s), %d cores; target %s; %d order creations/s open loop (at most %d in flight),"
						+ " %d receivers on %s subscribed to %s; warm-up %d s, measure %d s, drain at most %d s",
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(), options.url(),
				options.rate(), options.clients(), options.receivers(), options.receiverHost(),
				String.join(",", options.eventTypes()), options.warmup().toSeconds(), options.duration().toSeconds(),
				options.drain().toSeconds());
	}

	private static String environment() {
		return "JDK " + System.getProperty("java.runtime.version") + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores";
	}

}
