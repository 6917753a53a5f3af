package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.infrastructure.axon.AxonInfrastructureConfiguration;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.PauseProcessorCommand;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.ResetProcessorCommand;
import dev.eventplatform.infrastructure.processor.ProcessorCommands.ResumeProcessorCommand;
import dev.eventplatform.infrastructure.web.CodedException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Turns an operator's request into a command (so the audit log names who asked), then
 * applies it on this node at once; the other nodes follow within
 * {@code platform.processors.interval}. Blocking: call it off the event loop.
 */
@Component
public class ProcessorOperations {

	private final Processors processors;

	private final ProcessorSupervisor supervisor;

	private final ControlStore store;

	private final CommandGateway commands;

	private final EventStore eventStore;

	private final Set<String> redelivering;

	private final Set<String> rebuilding;

	private final Clock clock;

	ProcessorOperations(Processors processors, ProcessorSupervisor supervisor, ControlStore store,
			CommandGateway commands, EventStore eventStore, List<RedeliveringProcessor> redelivering,
			List<RebuildingProcessor> rebuilding, Clock clock) {
		this.processors = processors;
		this.supervisor = supervisor;
		this.store = store;
		this.commands = commands;
		this.eventStore = eventStore;
		this.redelivering = redelivering.stream()
			.map(RedeliveringProcessor::processingGroup)
			.collect(Collectors.toUnmodifiableSet());
		this.rebuilding = rebuilding.stream()
			.map(RebuildingProcessor::processingGroup)
			.collect(Collectors.toUnmodifiableSet());
		this.clock = clock;
	}

	public ProcessorStatus pause(String name, String operator) {
		return send(name, new PauseProcessorCommand(known(name)), operator);
	}

	public ProcessorStatus resume(String name, String operator) {
		return send(name, new ResumeProcessorCommand(known(name)), operator);
	}

	/**
	 * @param target {@code tail}, {@code head}, {@code position} (with {@code position}:
	 * handle the events after it) or {@code instant} (with {@code instant}: handle the
	 * events appended at or after it)
	 */
	public ProcessorStatus reset(String name, String target, Long position, String instant, boolean redeliver,
			String operator) {
		known(name);
		if (target == null) {
			throw invalid("Name a target: tail, head, position or instant.");
		}
		Long after;
		Instant at = null;
		switch (target) {
			case "tail" -> after = null;
			case "head" -> {
				var head = store.head();
				after = head < 0 ? null : head;
			}
			case "position" -> {
				var head = store.head();
				if (position == null || position < 0 || position > head) {
					throw invalid("With target position, give a position from 0 to the head, " + head + ".");
				}
				after = position;
			}
			case "instant" -> {
				at = instant(instant);
				var token = eventStore.createTokenAt(at);
				after = token == null || token.position().isEmpty() ? null : token.position().getAsLong();
			}
			default -> throw invalid("Unknown target '" + target + "'; use tail, head, position or instant.");
		}
		if (rebuilding.contains(name) && after != null) {
			throw invalid(name + " rebuilds its read model from the first event: reset it to the tail.");
		}
		if (redelivering.contains(name) && !redeliver) {
			throw new CodedException(ProcessorErrorCode.REDELIVERY_NOT_CONFIRMED, "A reset of " + name
					+ " sends its events to the outside world again; say \"redeliver\": true to do that.");
		}
		return send(name, new ResetProcessorCommand(name, target, after, at, redeliver), operator);
	}

	private Instant instant(String instant) {
		if (instant == null) {
			throw invalid("With target instant, give an instant such as 2026-11-28T12:00:00Z.");
		}
		Instant at;
		try {
			at = Instant.parse(instant);
		}
		catch (DateTimeParseException ex) {
			throw invalid("'" + instant + "' is not an ISO-8601 instant such as 2026-11-28T12:00:00Z.");
		}
		if (at.isAfter(clock.instant())) {
			throw invalid("The instant " + at + " is in the future.");
		}
		return at;
	}

	private ProcessorStatus send(String name, Object command, String operator) {
		commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
			.andMetaData(Map.of(AxonInfrastructureConfiguration.PRINCIPAL_METADATA, operator)));
		supervisor.tick();
		return processors.get(name);
	}

	private String known(String name) {
		if (!processors.names().contains(name)) {
			throw Processors.unknown(name);
		}
		return name;
	}

	private static CodedException invalid(String detail) {
		return new CodedException(ProcessorErrorCode.INVALID_RESET_TARGET, detail);
	}

}
