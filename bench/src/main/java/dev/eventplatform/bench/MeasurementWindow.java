package dev.eventplatform.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When one level measures, when it ends, and how many more commands it may send; shared
 * by its clients.
 */
final class MeasurementWindow {

	private final long measureFromNanos;

	private final long endNanos;

	private final AtomicLong remainingCommands;

	MeasurementWindow(long measureFromNanos, long endNanos, long maxCommands) {
		this.measureFromNanos = measureFromNanos;
		this.endNanos = endNanos;
		this.remainingCommands = new AtomicLong(maxCommands);
	}

	/**
	 * Claims one command from the budget; false once the level is over, which ends the
	 * client.
	 */
	boolean tryStartCommand() {
		return System.nanoTime() - endNanos < 0 && remainingCommands.getAndDecrement() > 0;
	}

	/** Commands started during warm-up are sent but not measured. */
	boolean measures(long commandStartNanos) {
		return commandStartNanos - measureFromNanos >= 0;
	}

	/** Length of the measured part of a level that finished at the given time. */
	double measuredSecondsUntil(long finishedNanos) {
		return Math.max(0, finishedNanos - measureFromNanos) / 1e9;
	}

}
