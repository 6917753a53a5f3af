package dev.eventplatform.infrastructure.processor;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What operators ask of a processor; see the events of the same names. */
final class ProcessorCommands {

	record PauseProcessorCommand(@TargetAggregateIdentifier String processorName) {
	}

	record ResumeProcessorCommand(@TargetAggregateIdentifier String processorName) {
	}

	record ResetProcessorCommand(@TargetAggregateIdentifier String processorName, String target, Long afterPosition,
			Instant instant, boolean redeliver) {
	}

	private ProcessorCommands() {
	}

}
