package dev.eventplatform.infrastructure.processor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.common.AxonThreadFactory;

/**
 * A pooled processor's coordinator thread, whose waits a work package can cut short.
 * Axon's coordinator reads events into each work package's buffer (1,024 events); finding
 * one full, it waits a fixed 100 ms before it reads on, whatever the work package does
 * meanwhile, and it ignores a wake-up while such a wait is pending. A rebuild was capped
 * near 1,024 events per segment per 100 ms that way, the work packages idle half of the
 * time. A work package that takes a batch off its buffer calls {@link #wake()}, which
 * runs the pending wait's task at once, as if its delay had passed: the coordinator
 * refills the buffer while the batch is processed.
 */
final class CoordinatorExecutor extends ScheduledThreadPoolExecutor {

	private final Set<Wait> waits = ConcurrentHashMap.newKeySet();

	CoordinatorExecutor(String processor) {
		super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
		if (delay <= 0) {
			return super.schedule(task, delay, unit);
		}
		var wait = new Wait(task);
		wait.future = super.schedule(wait, delay, unit);
		this.waits.add(wait);
		if (wait.done.get()) {
			this.waits.remove(wait);
		}
		return wait.future;
	}

	/** Runs the tasks of the pending waits now. */
	void wake() {
		for (var wait : this.waits) {
			if (wait.claim()) {
				wait.future.cancel(false);
				execute(wait.task);
			}
		}
	}

	/**
	 * A delayed task, run once: when its delay passes or when woken, whichever is first.
	 */
	private final class Wait implements Runnable {

		private final Runnable task;

		private final AtomicBoolean done = new AtomicBoolean();

		private volatile ScheduledFuture<?> future;

		Wait(Runnable task) {
			this.task = task;
		}

		@Override
		public void run() {
			if (claim()) {
				this.task.run();
			}
		}

		boolean claim() {
			CoordinatorExecutor.this.waits.remove(this);
			return this.done.compareAndSet(false, true);
		}

	}

}
