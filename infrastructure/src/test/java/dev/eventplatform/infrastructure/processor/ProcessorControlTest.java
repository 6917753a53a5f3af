package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.events.processor.ProcessorPausedEvent;
import dev.eventplatform.events.processor.ProcessorResetEvent;
import dev.eventplatform.events.processor.ProcessorResumedEvent;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.PauseProcessorCommand;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.ResetProcessorCommand;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.ResumeProcessorCommand;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessorControlTest {

	private static final String NAME = "order-summary";

	private AggregateTestFixture<ProcessorControl> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(ProcessorControl.class);
	}

	@Test
	void theFirstPauseOfAProcessorIsRecorded() {
		fixture.givenNoPriorActivity()
			.when(new PauseProcessorCommand(NAME))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ProcessorPausedEvent(NAME));
	}

	@Test
	void pausingAPausedProcessorRecordsNothing() {
		fixture.given(new ProcessorPausedEvent(NAME)).when(new PauseProcessorCommand(NAME)).expectNoEvents();
	}

	@Test
	void resumingAPausedProcessorIsRecorded() {
		fixture.given(new ProcessorPausedEvent(NAME))
			.when(new ResumeProcessorCommand(NAME))
			.expectEvents(new ProcessorResumedEvent(NAME));
	}

	@Test
	void resumingARunningProcessorRecordsNothing() {
		fixture.given(new ProcessorPausedEvent(NAME), new ProcessorResumedEvent(NAME))
			.when(new ResumeProcessorCommand(NAME))
			.expectNoEvents();
	}

	@Test
	void everyResetIsRecordedAndLeavesAPauseAsItIs() {
		var at = Instant.parse("2026-11-28T12:00:00Z");
		fixture.given(new ProcessorPausedEvent(NAME), new ProcessorResetEvent(NAME, "tail", null, null, false))
			.when(new ResetProcessorCommand(NAME, "instant", 41L, at, false))
			.expectEvents(new ProcessorResetEvent(NAME, "instant", 41L, at, false));
	}

	@Test
	void aResetProcessorThatWasPausedIsStillPaused() {
		fixture.given(new ProcessorPausedEvent(NAME), new ProcessorResetEvent(NAME, "head", 7L, null, false))
			.when(new PauseProcessorCommand(NAME))
			.expectNoEvents();
	}

}
