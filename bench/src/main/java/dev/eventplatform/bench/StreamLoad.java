package dev.eventplatform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Order creations for the stream harness, each one {@code order.created} event. Open loop
 * ({@link #run}): creation {@code n} is due {@code n / rate} seconds after the start,
 * sent by the first free client of a fixed pool, as {@link OpenLoopDriver} does; unlike
 * it, each accepted order's 201 time is visible while the run goes on, because the
 * streams look it up as the events arrive. Closed loop ({@link #fill}): as fast as
 * {@link OrderWorkload}s go, to fill the log for a catch-up.
 */
final class StreamLoad {

	/** What the load did. */
	record Result(Tally commands, double measuredSeconds, long accepted, List<String> errorSamples) {
	}

	private static final int MAX_ERROR_KINDS = 5;

	private final OrderApi api;

	/** Order id to the {@link System#nanoTime()} at which its 201 had been read. */
	private final Map<String, Long> accepted = new ConcurrentHashMap<>();

	StreamLoad(OrderApi api) {
		this.api = api;
	}

	/** When the harness had read this order's 201; null if it has not (yet). */
	Long acceptedAt(String orderId) {
		return accepted.get(orderId);
	}

	/** Orders accepted so far, by every run of this load. */
	long accepted() {
		return accepted.size();
	}

	/**
	 * Creates orders at {@code rate} per second from {@code startNanos} until
	 * {@code endNanos} (or the window's command budget is spent) with at most
	 * {@code clients} in flight; returns when the last one has answered.
	 */
	Result run(int rate, int clients, long startNanos, MeasurementWindow window, long endNanos)
			throws InterruptedException {
		ErrorSamples errors = new ErrorSamples(MAX_ERROR_KINDS);
		double slotNanos = 1e9 / rate;
		AtomicLong nextSlot = new AtomicLong();
		List<Callable<Tally>> workers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			CommandSender sender = new CommandSender(api, window, errors);
			String customerId = "stream-bench-" + i;
			workers.add(() -> {
				for (long due; (due = startNanos + (long) (nextSlot.getAndIncrement() * slotNanos)) - endNanos < 0;) {
					for (long wait; (wait = due - System.nanoTime()) > 0;) {
						LockSupport.parkNanos(wait);
					}
					if (!window.tryStartCommand()) {
						break;
					}
					OrderApi.Command create = api.createOrder(customerId);
					Optional<String> body = sender.send(create);
					long answeredAt = System.nanoTime();
					if (body.isPresent()) {
						Optional<String> orderId = OrderApi.orderId(body.get());
						if (orderId.isPresent()) {
							accepted.put(orderId.get(), answeredAt);
						}
						else {
							sender.noteUnusable(create, body.get());
						}
					}
				}
				return sender.tally();
			});
		}
		Tally total = invokeAll(workers, "stream-bench-load");
		return new Result(total, window.measuredSecondsUntil(System.nanoTime()), accepted.size(), errors.describe());
	}

	/**
	 * Sends order lifecycles (every command one event) from {@code clients} closed-loop
	 * clients until {@code commands} have been sent or {@code endNanos} has passed.
	 */
	Result fill(long commands, int clients, long endNanos) throws InterruptedException {
		ErrorSamples errors = new ErrorSamples(MAX_ERROR_KINDS);
		long start = System.nanoTime();
		MeasurementWindow window = new MeasurementWindow(start, endNanos, commands);
		List<Callable<Tally>> workers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			workers.add(new OrderWorkload(api, BenchOptions.Mix.LIFECYCLE, "stream-fill-" + i, window, errors));
		}
		Tally total = invokeAll(workers, "stream-bench-fill");
		return new Result(total, window.measuredSecondsUntil(System.nanoTime()), total.ok(), errors.describe());
	}

	private static Tally invokeAll(List<Callable<Tally>> workers, String threadName) throws InterruptedException {
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(workers.size(),
				task -> new Thread(task, threadName + "-" + threadNumber.incrementAndGet()));
		try {
			Tally total = new Tally();
			for (Future<Tally> future : pool.invokeAll(workers)) {
				try {
					total.add(future.get());
				}
				catch (ExecutionException e) {
					throw new IllegalStateException("a load client failed", e.getCause());
				}
			}
			return total;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
