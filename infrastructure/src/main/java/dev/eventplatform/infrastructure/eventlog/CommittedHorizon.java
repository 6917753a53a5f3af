package dev.eventplatform.infrastructure.eventlog;

/**
 * The highest position at or below which every event is committed or will never exist.
 * The store hands out positions (global indexes) at insert time, not at commit time, so a
 * reader can see position n+1 while n is still in flight; a reader that moved past n
 * would skip it for good. Readers never read past the horizon. It only moves forward, and
 * one instance serves the whole node: a caller that finds another one refreshing it gets
 * the last value instead of waiting.
 */
public interface CommittedHorizon {

	long current();

	/**
	 * A horizon that covers every event committed before the call: for a reader that
	 * starts "from now", which must neither replay events committed before it asked nor
	 * miss one committed after. It may wait briefly for transactions already running to
	 * end; the last value after a couple of seconds otherwise.
	 */
	default long upToNow() {
		return current();
	}

}
