package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.infrastructure.deadletter.DeadLetters;
import dev.eventplatform.infrastructure.processor.ControlStore.Control;
import dev.eventplatform.infrastructure.processor.ProcessorStatus.Failure;
import dev.eventplatform.infrastructure.processor.ProcessorStatus.Replay;
import dev.eventplatform.infrastructure.processor.ProcessorStatus.Reset;
import dev.eventplatform.infrastructure.processor.ProcessorStatus.Segment;
import dev.eventplatform.infrastructure.processor.ProcessorTokens.TokenRow;
import dev.eventplatform.infrastructure.web.CodedException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.ReplayToken;
import org.springframework.stereotype.Component;

/**
 * The status of every streaming processor known to this node or to the token store.
 * Blocking: call it off the event loop.
 */
@Component
public class Processors {

	private final ControlStore store;

	private final ProcessorTokens tokens;

	private final ProcessorSupervisor supervisor;

	private final DeadLetters deadLetters;

	private final ProcessorFailures failures;

	private final Clock clock;

	Processors(ControlStore store, ProcessorTokens tokens, ProcessorSupervisor supervisor, DeadLetters deadLetters,
			ProcessorFailures failures, Clock clock) {
		this.store = store;
		this.tokens = tokens;
		this.supervisor = supervisor;
		this.deadLetters = deadLetters;
		this.failures = failures;
		this.clock = clock;
	}

	/** Every processor's name: this node's and its peers'. */
	public List<String> names() {
		var names = new TreeSet<>(supervisor.local().keySet());
		tokens.all().forEach(row -> names.add(row.processor()));
		return List.copyOf(names);
	}

	public List<ProcessorStatus> list() {
		var rows = tokens.all().stream().collect(Collectors.groupingBy(TokenRow::processor));
		var controls = store.all();
		var head = store.head();
		var local = supervisor.local().keySet();
		var names = new TreeSet<>(local);
		names.addAll(rows.keySet());
		var statuses = new ArrayList<ProcessorStatus>();
		for (var name : names) {
			statuses
				.add(status(name, local.contains(name), rows.getOrDefault(name, List.of()), controls.get(name), head));
		}
		return statuses;
	}

	public ProcessorStatus get(String name) {
		return find(name).orElseThrow(() -> unknown(name));
	}

	public Optional<ProcessorStatus> find(String name) {
		var rows = tokens.of(name);
		var local = supervisor.local().containsKey(name);
		if (!local && rows.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(status(name, local, rows, store.all().get(name), store.head()));
	}

	static CodedException unknown(String name) {
		return new CodedException(ProcessorErrorCode.UNKNOWN_PROCESSOR,
				"No node runs a processor named '" + name + "'; GET /processors lists them.");
	}

	private ProcessorStatus status(String name, boolean local, List<TokenRow> rows, Control control, long head) {
		var segments = rows.stream().map(this::segment).toList();
		var position = segments.stream().mapToLong(Segment::position).min().orElse(-1);
		var lagEvents = Math.max(0, head - position);
		var oldest = lagEvents == 0 ? null : store.firstAfter(position);
		var lagSeconds = oldest == null ? 0
				: Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
		var replay = replay(name, rows, control, position);
		var failed = failures.get(name);
		var failure = failed == null ? null : new Failure(failed.error(), failed.since());
		var paused = control != null && control.paused();
		var resetting = control != null && control.resetPending();
		String state;
		if (resetting) {
			state = "resetting";
		}
		else if (paused) {
			state = "paused";
		}
		else if (failure != null) {
			state = "failing";
		}
		else if (replay != null) {
			state = "replaying";
		}
		else if (segments.stream().anyMatch(segment -> segment.owner() != null) || runningHere(name)) {
			state = "running";
		}
		else {
			state = "stopped";
		}
		var letters = deadLetters.groups().contains(name) ? (Long) deadLetters.count(name).letters() : null;
		var reset = control == null || control.resetId() == null ? null : new Reset(control.resetState(),
				control.resetAfter(), control.resetRequestedAt(), control.resetDoneAt(), control.resetNode());
		return new ProcessorStatus(name, name, state, local, paused, head, position, lagEvents, lagSeconds, segments,
				replay, failure, letters, reset);
	}

	private boolean runningHere(String name) {
		var processor = supervisor.local().get(name);
		return processor != null && processor.isRunning();
	}

	private Segment segment(TokenRow row) {
		return new Segment(row.segment(), row.owner(), row.position(), row.replaying());
	}

	/**
	 * Progress from the reset's target to the head at the reset, as the slowest segment
	 * has it; the time left at the rate this node saw lately.
	 */
	private Replay replay(String name, List<TokenRow> rows, Control control, long position) {
		var end = rows.stream()
			.filter(TokenRow::replaying)
			.mapToLong(row -> ReplayToken.getTokenAtReset(row.token()).orElse(-1))
			.max();
		if (end.isEmpty()) {
			return null;
		}
		var start = control == null || control.resetAfter() == null ? -1 : control.resetAfter();
		var total = end.getAsLong() - start;
		var progress = total <= 0 ? 1.0 : Math.min(1.0, Math.max(0.0, (position - start) / (double) total));
		var observation = supervisor.observation(name);
		var secondsLeft = observation == null || observation.eventsPerSecond() <= 0 ? null
				: Math.max(0, end.getAsLong() - position) / observation.eventsPerSecond();
		return new Replay(progress, secondsLeft);
	}

}
