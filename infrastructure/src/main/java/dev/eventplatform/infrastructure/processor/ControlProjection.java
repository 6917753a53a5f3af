package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.events.processor.ProcessorPausedEvent;
import dev.eventplatform.events.processor.ProcessorResetEvent;
import dev.eventplatform.events.processor.ProcessorResumedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code processor_control} in step with the processor events, in the transaction
 * that appends them (a subscribing group): every node's supervisor reads the request as
 * soon as the operator's call has answered.
 */
@Component
@ProcessingGroup(ProcessorConfiguration.CONTROL_GROUP)
class ControlProjection {

	private final ControlStore store;

	ControlProjection(ControlStore store) {
		this.store = store;
	}

	@EventHandler
	void on(ProcessorPausedEvent event, @Timestamp Instant at) {
		store.paused(event.processorName(), true, at);
	}

	@EventHandler
	void on(ProcessorResumedEvent event, @Timestamp Instant at) {
		store.paused(event.processorName(), false, at);
	}

	@EventHandler
	void on(ProcessorResetEvent event, EventMessage<?> message, @Timestamp Instant at) {
		store.resetRequested(event.processorName(), message.getIdentifier(), event.afterPosition(), at);
	}

}
