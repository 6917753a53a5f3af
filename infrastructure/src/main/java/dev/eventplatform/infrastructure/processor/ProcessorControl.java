package dev.eventplatform.infrastructure.processor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.eventplatform.events.processor.ProcessorPausedEvent;
import dev.eventplatform.events.processor.ProcessorResetEvent;
import dev.eventplatform.events.processor.ProcessorResumedEvent;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.PauseProcessorCommand;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.ResetProcessorCommand;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.ResumeProcessorCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The operators' requests for one processor, identified by its name. Pausing a paused
 * processor, or resuming a running one, records nothing; every reset is recorded. A reset
 * leaves a pause as it is.
 */
@Aggregate
public class ProcessorControl {

	@AggregateIdentifier
	private String processorName;

	private boolean paused;

	/** Required by Axon to rebuild the control from its events. */
	protected ProcessorControl() {
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(PauseProcessorCommand command) {
		if (!paused) {
			apply(new ProcessorPausedEvent(command.processorName()));
		}
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(ResumeProcessorCommand command) {
		if (paused) {
			apply(new ProcessorResumedEvent(command.processorName()));
		}
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	void handle(ResetProcessorCommand command) {
		apply(new ProcessorResetEvent(command.processorName(), command.target(), command.afterPosition(),
				command.instant(), command.redeliver()));
	}

	@EventSourcingHandler
	void on(ProcessorPausedEvent event) {
		processorName = event.processorName();
		paused = true;
	}

	@EventSourcingHandler
	void on(ProcessorResumedEvent event) {
		processorName = event.processorName();
		paused = false;
	}

	@EventSourcingHandler
	void on(ProcessorResetEvent event) {
		processorName = event.processorName();
	}

}
