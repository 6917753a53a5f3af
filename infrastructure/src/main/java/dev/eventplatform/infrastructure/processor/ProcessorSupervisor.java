package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.infrastructure.axon.EventStoreProperties;
import dev.eventplatform.infrastructure.processor.ControlStore.Control;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each node's hand on its own streaming processors. Every {@code interval} it reads what
 * operators asked ({@code processor_control}) and applies what changed since it last
 * looked: a pause shuts the processor down (releasing its segments to no one), a resume
 * starts it, a reset shuts it down and, once no node holds a live claim on its segments,
 * one node moves the tokens and marks the reset done, upon which every node starts it
 * again (unless paused). A processor no operator has touched is left to Axon's lifecycle.
 * <p>
 * It also watches positions, for the status API (a replay's rate) and for
 * {@link ProcessorFailures} (a failure's end).
 */
@Component
public class ProcessorSupervisor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessorSupervisor.class);

	/** A reset's node that died: after this, another may take the reset over. */
	private static final Duration STALE_RESET = Duration.ofMinutes(1);

	private final EventProcessingConfiguration processing;

	private final ControlStore store;

	private final ProcessorTokens tokens;

	private final EventStoreProperties eventStore;

	private final ProcessorProperties properties;

	private final ProcessorFailures failures;

	private final List<ProcessorWatch> watches;

	private final Clock clock;

	private final Coordinators coordinators;

	private final Map<String, Control> applied = new HashMap<>();

	private final Map<String, Observation> observations = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread loop;

	ProcessorSupervisor(EventProcessingConfiguration processing, ControlStore store, ProcessorTokens tokens,
			EventStoreProperties eventStore, ProcessorProperties properties, ProcessorFailures failures,
			List<ProcessorWatch> watches, Clock clock, Coordinators coordinators) {
		this.processing = processing;
		this.store = store;
		this.tokens = tokens;
		this.watches = watches;
		this.eventStore = eventStore;
		this.properties = properties;
		this.failures = failures;
		this.clock = clock;
		this.coordinators = coordinators;
	}

	/** This node's streaming processors, by name. */
	Map<String, StreamingEventProcessor> local() {
		var local = new TreeMap<String, StreamingEventProcessor>();
		processing.eventProcessors().forEach((name, processor) -> {
			if (processor instanceof StreamingEventProcessor streaming) {
				local.put(name, streaming);
			}
		});
		return local;
	}

	/** What this node saw of the processor lately, if it runs it. */
	Observation observation(String name) {
		return observations.get(name);
	}

	/** Applies the operators' requests now, instead of at the next tick. */
	synchronized void tick() {
		var controls = store.all();
		var committed = committedPositions();
		var local = local();
		local.forEach((name, processor) -> {
			var control = controls.get(name);
			if (control != null) {
				try {
					apply(name, processor, control);
				}
				catch (RuntimeException ex) {
					log.warn("Could not apply the operators' request to processor {}; retrying", name, ex);
				}
			}
			observe(name, processor, committed.get(name));
		});
		for (var watch : watches) {
			try {
				watch.afterTick();
			}
			catch (RuntimeException ex) {
				log.warn("A processor watch failed; retrying at the next tick", ex);
			}
		}
	}

	private void apply(String name, StreamingEventProcessor processor, Control control) {
		if (control.resetPending()) {
			reset(name, processor, control);
			return;
		}
		var before = applied.get(name);
		if (before != null && before.equals(control)) {
			return;
		}
		if (control.paused()) {
			if (processor.isRunning()) {
				log.info("Pausing processor {} as asked", name);
				stop(name, processor);
			}
		}
		else if (!processor.isRunning()) {
			log.info("Starting processor {} as asked", name);
			processor.start();
		}
		applied.put(name, control);
	}

	/**
	 * Stops the processor on this node and waits until its claims are released. Axon's
	 * coordinator only notices a stop at its next scheduled run, up to 500 ms later: it
	 * is woken instead.
	 */
	private void stop(String name, StreamingEventProcessor processor) {
		var stopped = processor.shutdownAsync();
		coordinators.wake(name);
		stopped.join();
	}

	private void reset(String name, StreamingEventProcessor processor, Control control) {
		if (processor.isRunning()) {
			log.info("Stopping processor {} for a reset", name);
			stop(name, processor);
		}
		applied.remove(name);
		var now = clock.instant();
		if (claimedElsewhere(name, now)
				|| !store.takeReset(name, control.resetId(), eventStore.node(), now, now.minus(STALE_RESET))) {
			return;
		}
		log.info("Resetting processor {} to {}", name,
				control.resetAfter() == null ? "the tail" : "after position " + control.resetAfter());
		processor.resetTokens(source -> control.resetAfter() == null ? source.createTailToken()
				: GapAwareTrackingToken.newInstance(control.resetAfter(), List.of()));
		store.resetDone(name, control.resetId(), clock.instant());
		observations.remove(name);
		// The other nodes start it at their next tick, this one at once (a rebuild's
		// clock is running).
		if (!control.paused()) {
			processor.start();
		}
	}

	/** Some other node still holds a live claim on one of the processor's segments. */
	private boolean claimedElsewhere(String name, Instant now) {
		var node = eventStore.node();
		return tokens.all()
			.stream()
			.filter(row -> row.processor().equals(name) && row.owner() != null && !row.owner().equals(node))
			.anyMatch(row -> row.claimedAt() != null
					&& DateTimeUtils.parseInstant(row.claimedAt()).plus(eventStore.claimTimeout()).isAfter(now));
	}

	/** Each processor's lowest position as its tokens have it (committed batches). */
	private Map<String, Long> committedPositions() {
		var positions = new HashMap<String, Long>();
		tokens.all().forEach(row -> positions.merge(row.processor(), row.position(), Math::min));
		return positions;
	}

	private void observe(String name, StreamingEventProcessor processor, Long committed) {
		failures.observe(name, committed == null ? OptionalLong.empty() : OptionalLong.of(committed));
		var position = processor.processingStatus()
			.values()
			.stream()
			.map(EventTrackerStatus::getCurrentPosition)
			.filter(OptionalLong::isPresent)
			.mapToLong(OptionalLong::getAsLong)
			.min();
		var now = clock.instant();
		observations.compute(name, (key, last) -> Observation.next(last, position, now));
	}

	@Override
	public void start() {
		running = true;
		loop = new Thread(this::run, "processor-supervisor");
		loop.setDaemon(true);
		loop.start();
	}

	@Override
	public void stop() {
		running = false;
		loop.interrupt();
		try {
			loop.join(properties.interval().toMillis() * 5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After Axon has started the processors, and stopped before Axon stops them. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

	private void run() {
		while (running) {
			try {
				tick();
			}
			catch (RuntimeException ex) {
				// The database is away, say: the requests wait in their table.
				log.warn("Processor supervision failed; retrying in {}", properties.interval(), ex);
			}
			try {
				Thread.sleep(properties.interval().toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * @param position the lowest segment position seen, or -1 for none
	 * @param eventsPerSecond how fast that position moved lately (a moving average)
	 */
	record Observation(long position, Instant at, double eventsPerSecond) {

		static Observation next(Observation last, OptionalLong position, Instant now) {
			var current = position.orElse(-1);
			if (last == null || current < last.position()) {
				return new Observation(current, now, 0);
			}
			var seconds = Duration.between(last.at(), now).toNanos() / 1e9;
			var rate = seconds <= 0 ? last.eventsPerSecond() : (current - last.position()) / seconds;
			// Weighs the last few seconds, so an estimate neither jumps nor lags far.
			var smoothed = last.eventsPerSecond() == 0 ? rate : 0.7 * last.eventsPerSecond() + 0.3 * rate;
			return new Observation(current, now, smoothed);
		}

	}

}
