package dev.eventplatform.notification.stream;

import java.time.Duration;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The node's one poller of the event log: it reads every event after the last position it
 * has seen, on a fixed schedule, and hands each to every connection at once, so
 * connections never poll the database for live events. It never waits for a connection
 * (each one buffers its own, see {@link EventStreams}). While no connection listens it
 * only follows the horizon.
 * <p>
 * A connection joins before it catches up from its own position, and its catch-up ends at
 * a horizon read after the poller's position was set, so the two overlap rather than
 * leave a gap.
 * <p>
 * Besides its schedule it polls at once after each commit of this node's own events, so
 * that they go out within milliseconds; events of other nodes wait for the next tick. A
 * wake-up during a poll leads to one more poll, not one per commit.
 * <p>
 * It stops before the web server's graceful shutdown waits (a higher phase stops first),
 * which ends every stream with a {@code shutdown} event instead of holding the shutdown.
 */
@Component
class LiveEventHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveEventHub.class);

	private final StreamLog streamLog;

	private final Duration pollInterval;

	private final Sinks.Many<StreamEvent> hub = Sinks.many().multicast().directBestEffort();

	private final Sinks.Empty<Void> positioned = Sinks.empty();

	/** Commits of this node's events; losing one while another is emitted is fine. */
	private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

	private final ObjectProvider<EventStore> eventStore;

	private Registration committed;

	/** Written by one poll at a time; -1 until the first poll. */
	private volatile long position = -1;

	private volatile Disposable polling;

	/** Whether the last poll failed; touched by one poll at a time. */
	private boolean failing;

	LiveEventHub(StreamLog streamLog, StreamProperties properties, ObjectProvider<EventStore> eventStore) {
		this.streamLog = streamLog;
		this.pollInterval = properties.pollInterval();
		this.eventStore = eventStore;
	}

	/**
	 * Every event the poller finds from now on, unfiltered; completes when the node
	 * stops.
	 */
	Flux<StreamEvent> events() {
		return hub.asFlux();
	}

	/** Completes once the poller has a position, so that a catch-up may start. */
	Mono<Void> positioned() {
		return positioned.asMono();
	}

	@Override
	public void start() {
		eventStore.ifAvailable(store -> committed = store.subscribe(events -> wakeAfterCommit()));
		polling = Flux.merge(Flux.interval(pollInterval).map(tick -> true), wakeUps.asFlux())
			.onBackpressureLatest()
			.concatMap(tick -> poll().doOnSuccess(done -> recovered()).onErrorResume(ex -> {
				// Logged once per outage, not at every tick.
				if (!failing) {
					failing = true;
					log.warn("Polling the event log failed; retrying at every tick: {}", String.valueOf(ex));
				}
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	/** Called as this node's events are stored, before their transaction commits. */
	private void wakeAfterCommit() {
		if (CurrentUnitOfWork.isStarted()) {
			CurrentUnitOfWork.get().afterCommit(unitOfWork -> wakeUps.tryEmitNext(true));
		}
		else {
			wakeUps.tryEmitNext(true);
		}
	}

	private void recovered() {
		if (failing) {
			failing = false;
			log.info("Polling the event log works again");
		}
	}

	private Mono<Void> poll() {
		// The horizon is read before the listeners are counted: one that joins after the
		// count
		// catches up to a horizon at least as far as this one.
		return streamLog.head().flatMap(head -> {
			if (position < 0 || hub.currentSubscriberCount() == 0) {
				position = Math.max(position, head);
				positioned.tryEmitEmpty();
				return Mono.empty();
			}
			return streamLog.readFrom(position, StreamFilter.ANY).doOnNext(page -> {
				page.events().forEach(hub::tryEmitNext);
				position = page.next();
			}).then();
		});
	}

	@Override
	public void stop() {
		if (committed != null) {
			committed.cancel();
		}
		polling.dispose();
		// A poll still in flight may be emitting on another thread.
		hub.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	@Override
	public boolean isRunning() {
		return polling != null && !polling.isDisposed();
	}

}
