package dev.eventplatform.bench;

import org.HdrHistogram.Histogram;

/**
 * Counts and latencies of measured commands. Each client owns one, confined to its thread
 * until the level ends, so recording needs no synchronization; the level then adds them
 * up.
 */
final class Tally {

	// Auto-resizing with 3 significant digits: exact enough for percentiles, no upper
	// bound to overflow.
	private final Histogram latencyMicros = new Histogram(3);

	private long ok;

	private long non2xx;

	private long exceptions;

	void recordOk(long latencyNanos) {
		latencyMicros.recordValue(latencyNanos / 1_000);
		ok++;
	}

	void recordNon2xx() {
		non2xx++;
	}

	void recordException() {
		exceptions++;
	}

	void add(Tally other) {
		latencyMicros.add(other.latencyMicros);
		ok += other.ok;
		non2xx += other.non2xx;
		exceptions += other.exceptions;
	}

	/**
	 * Latencies of successful commands only: failures such as refused connections would
	 * flatter them.
	 */
	Histogram latencyMicros() {
		return latencyMicros;
	}

	long ok() {
		return ok;
	}

	long non2xx() {
		return non2xx;
	}

	long exceptions() {
		return exceptions;
	}

}
