package dev.eventplatform.events.processor;

import dev.eventplatform.events.EventType;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An operator reset a processor: every node stops it, its tokens move to the target, and
 * it handles the log again from there.
 *
 * @param target {@code tail}, {@code head}, {@code position} or {@code instant}
 * @param afterPosition the log position it handles events after, resolved when the reset
 * was asked; {@code null} for the tail (the whole log)
 * @param instant the instant asked for, with target {@code instant}
 * @param redeliver whether the operator agreed that a replay sends to the outside world
 * again (webhooks)
 */
@Revision("1")
@EventType(name = "processor.reset", version = 1)
public record ProcessorResetEvent(String processorName, String target, Long afterPosition, Instant instant,
		boolean redeliver) {
}
