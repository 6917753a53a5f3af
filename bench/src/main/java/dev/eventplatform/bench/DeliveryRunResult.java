package dev.eventplatform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one webhook delivery run measured. Latencies run from the moment a measured
 * command's 201 had been read to the moment a healthy receiver had read its webhook, in
 * microseconds.
 */
record DeliveryRunResult(int rate, int receivers, boolean hung, Tally commands, double commandSeconds,
		List<Endpoint> endpoints, Histogram latencyMicros, long deliveredInWindow, double windowSeconds, long accepted,
		long missing, long duplicates, long unexpected, long hungRequests, double drainSeconds, boolean drained,
		double loadBefore, double loadAfter, List<String> errorSamples) {

	/** One healthy receiver's share. */
	record Endpoint(String name, long received, long duplicates, long missing, Histogram latencyMicros) {
	}

	static final String TABLE_HEADER = String.format(Locale.ROOT, "%-10s %9s %6s %8s %9s %9s %9s %9s", "endpoint",
			"received", "dups", "missing", "p50_ms", "p90_ms", "p99_ms", "max_ms");

	DeliveryRunResult {
		endpoints = List.copyOf(endpoints);
		errorSamples = List.copyOf(errorSamples);
	}

	double deliveriesPerSecond() {
		return deliveredInWindow / windowSeconds;
	}

	double commandsPerSecond() {
		return commandSeconds > 0 ? commands.ok() / commandSeconds : 0;
	}

	long p99Micros() {
		return latencyMicros.getValueAtPercentile(99);
	}

	boolean hasDeliveries() {
		return latencyMicros.getTotalCount() > 0;
	}

	List<String> tableRows() {
		List<String> rows = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			Histogram latency = endpoint.latencyMicros();
			rows.add(String.format(Locale.ROOT, "%-10s %9d %6d %8d %9s %9s %9s %9s", endpoint.name(),
					endpoint.received(), endpoint.duplicates(), endpoint.missing(), percentile(latency, 50),
					percentile(latency, 90), percentile(latency, 99), max(latency)));
		}
		if (hung) {
			rows.add(String.format(Locale.ROOT, "%-10s %9d requests held unanswered until the end of the run", "hung",
					hungRequests));
		}
		return rows;
	}

	/** One self-contained line, meant to be pasted into a note. */
	String summary(String target, String environment) {
		return String.format(Locale.ROOT,
				"webhooks, %d creations/s x %d receivers%s -> %s: %.1f deliveries/s;"
						+ " 201 to webhook p50 %s ms, p90 %s ms, p99 %s ms, max %s ms;"
						+ " %d missing of %d, %d duplicates, %d unexpected; %.1f commands/s (p99 %s ms, %d errors);"
						+ " %s; %.1f s measured; load average %s before, %s after (%s)",
				rate, receivers, hung ? " + 1 hung" : "", target, deliveriesPerSecond(), percentile(latencyMicros, 50),
				percentile(latencyMicros, 90), percentile(latencyMicros, 99), max(latencyMicros), missing,
				accepted * receivers, duplicates, unexpected, commandsPerSecond(),
				commands.ok() == 0 ? "-" : millis(commands.latencyMicros().getValueAtPercentile(99)),
				commands.non2xx() + commands.exceptions(),
				drained ? String.format(Locale.ROOT, "all delivered %.1f s after the load", drainSeconds)
						: String.format(Locale.ROOT, "still missing %.1f s after the load", drainSeconds),
				windowSeconds, load(loadBefore), load(loadAfter), environment);
	}

	private static String load(double average) {
		return average < 0 ? "-" : String.format(Locale.ROOT, "%.1f", average);
	}

	// With nothing measured the histogram reports 0, which would read as infinitely fast.
	private static String percentile(Histogram histogram, double percentile) {
		return histogram.getTotalCount() == 0 ? "-" : millis(histogram.getValueAtPercentile(percentile));
	}

	private static String max(Histogram histogram) {
		return histogram.getTotalCount() == 0 ? "-" : millis(histogram.getMaxValue());
	}

	static String millis(long micros) {
		return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
	}

}
