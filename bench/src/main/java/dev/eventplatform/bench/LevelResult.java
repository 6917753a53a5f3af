package dev.eventplatform.bench;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one concurrency level measured. Latencies are of successful commands, in
 * microseconds.
 */
record LevelResult(int clients, long ok, long non2xx, long exceptions, double measuredSeconds, long p50Micros,
		long p90Micros, long p99Micros, long maxMicros, List<String> errorSamples) {

	static final String TABLE_HEADER = String.format(Locale.ROOT, "%7s %10s %9s %9s %9s %9s %9s", "clients", "ok/s",
			"p50_ms", "p90_ms", "p99_ms", "max_ms", "errors");

	LevelResult {
		errorSamples = List.copyOf(errorSamples);
	}

	static LevelResult of(int clients, Tally tally, double measuredSeconds, List<String> errorSamples) {
		Histogram latency = tally.latencyMicros();
		return new LevelResult(clients, tally.ok(), tally.non2xx(), tally.exceptions(), measuredSeconds,
				latency.getValueAtPercentile(50), latency.getValueAtPercentile(90), latency.getValueAtPercentile(99),
				latency.getMaxValue(), errorSamples);
	}

	long errors() {
		return non2xx + exceptions;
	}

	double okPerSecond() {
		return measuredSeconds > 0 ? ok / measuredSeconds : 0;
	}

	String tableRow() {
		return String.format(Locale.ROOT, "%7d %10.1f %9s %9s %9s %9s %9d", clients, okPerSecond(), millis(p50Micros),
				millis(p90Micros), millis(p99Micros), millis(maxMicros), errors());
	}

	/** One self-contained line, meant to be pasted into a note. */
	String summary(String mix, String target, String environment) {
		return String.format(Locale.ROOT,
				"%s mix, %d clients -> %s: %.1f ok commands/s, p50 %s ms, p90 %s ms, p99 %s ms, max %s ms;"
						+ " %d ok, %d non-2xx, %d exceptions in %.1f s measured (%s)",
				mix, clients, target, okPerSecond(), millis(p50Micros), millis(p90Micros), millis(p99Micros),
				millis(maxMicros), ok, non2xx, exceptions, measuredSeconds, environment);
	}

	// With nothing measured the histogram reports 0, which would read as infinitely fast.
	private String millis(long micros) {
		return ok == 0 ? "-" : String.format(Locale.ROOT, "%.2f", micros / 1000.0);
	}
}
