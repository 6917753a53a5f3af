package dev.eventplatform.events.processor;

import dev.eventplatform.events.EventContract;
import java.time.Instant;
import java.util.List;

/** Every published processor event version, with the catalogue's example. */
public final class ProcessorEventContracts {

	public static final List<EventContract> ALL = List.of(
			EventContract.current(new ProcessorPausedEvent("order-summary")),
			EventContract.current(new ProcessorResumedEvent("order-summary")),
			EventContract.current(new ProcessorResetEvent("order-summary", "instant", 41250L,
					Instant.parse("2026-11-28T12:00:00Z"), false)));

	private ProcessorEventContracts() {
	}

}
