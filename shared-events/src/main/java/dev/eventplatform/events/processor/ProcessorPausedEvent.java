package dev.eventplatform.events.processor;

import dev.eventplatform.events.EventType;
import org.axonframework.serialization.Revision;

/** An operator paused a processor on every node; it keeps its position. */
@Revision("1")
@EventType(name = "processor.paused", version = 1)
public record ProcessorPausedEvent(String processorName) {
}
