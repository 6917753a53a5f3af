package dev.eventplatform.infrastructure.processor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The coordinators of this node's pooled processors ({@link CoordinatorExecutor}), and
 * what wakes them. An idle coordinator looks for new events every 500 ms (Axon's stream
 * from the event store offers no callback), which made a new event wait 250 ms on average
 * before a projection or the webhook fan-out saw it. One thread tails the event store's
 * shared cache, as any processor does, and wakes every coordinator as soon as new events
 * are there: local commits at once, other nodes' at the store's next fetch. It rings at
 * most once per {@code wakeInterval}, so that under load the processors still handle
 * events in batches: a wake-up per commit made a batch (a transaction and a token update)
 * per event and took a third of the command rate.
 */
final class Coordinators implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Coordinators.class);

	private final Map<String, CoordinatorExecutor> executors = new ConcurrentHashMap<>();

	private final ObjectProvider<EventStore> eventStore;

	private final Duration wakeInterval;

	private volatile Thread doorbell;

	Coordinators(ObjectProvider<EventStore> eventStore, Duration wakeInterval) {
		this.eventStore = eventStore;
		this.wakeInterval = wakeInterval;
	}

	/** A new coordinator thread for the processor. */
	CoordinatorExecutor executor(String processor) {
		var executor = new CoordinatorExecutor(processor);
		this.executors.put(processor, executor);
		return executor;
	}

	/** Wakes the processor's coordinator, if it is a pooled processor of this node. */
	void wake(String processor) {
		var executor = this.executors.get(processor);
		if (executor != null) {
			executor.wake();
		}
	}

	/**
	 * Starts the doorbell, unless this node runs no pooled processor (a command side
	 * alone).
	 */
	@Override
	public void start() {
		if (this.executors.isEmpty()) {
			return;
		}
		var thread = new Thread(this::ring, "processor-doorbell");
		thread.setDaemon(true);
		this.doorbell = thread;
		thread.start();
	}

	private void ring() {
		var store = this.eventStore.getObject();
		while (this.doorbell == Thread.currentThread()) {
			try (var stream = store.openStream(store.createHeadToken())) {
				while (this.doorbell == Thread.currentThread()) {
					if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
						while (stream.hasNextAvailable()) {
							stream.nextAvailable();
						}
						this.executors.values().forEach(CoordinatorExecutor::wake);
						Thread.sleep(this.wakeInterval.toMillis());
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database is away, say: the coordinators still look every 500 ms.
				log.debug("The processors' doorbell stopped; opening a new stream in 1 s", ex);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		var thread = this.doorbell;
		this.doorbell = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.doorbell != null;
	}

}
