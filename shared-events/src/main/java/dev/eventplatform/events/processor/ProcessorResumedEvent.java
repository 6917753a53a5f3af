package dev.eventplatform.events.processor;

import dev.eventplatform.events.EventType;
import org.axonframework.serialization.Revision;

/** An operator resumed a paused processor; it catches up from where it stopped. */
@Revision("1")
@EventType(name = "processor.resumed", version = 1)
public record ProcessorResumedEvent(String processorName) {
}
