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
 * Creates orders open loop: command {@code n} is due {@code n / rate} seconds after the
 * start, whether or not earlier ones have answered, sent by the first of a fixed pool of
 * clients that is free. When every client is busy, commands start late and the achieved
 * rate falls below the target: the result shows it. Each accepted order is noted with the
 * moment its 201 had been read.
 */
final class OpenLoopDriver {

	/**
	 * An accepted order: when its answer had been read ({@link System#nanoTime()}), and
	 * whether it was sent inside the measured window.
	 */
	record Accepted(long atNanos, boolean measured) {
	}

	/** What the load did. */
	record Result(Tally commands, double measuredSeconds, Map<String, Accepted> accepted, List<String> errorSamples) {
	}

	private static final int MAX_ERROR_KINDS = 5;

	private final OrderApi api;

	private final int rate;

	private final int clients;

	OpenLoopDriver(OrderApi api, int rate, int clients) {
		this.api = api;
		this.rate = rate;
		this.clients = clients;
	}

	/**
	 * Sends from {@code startNanos} until the window ends; returns when the last command
	 * has answered.
	 */
	Result drive(long startNanos, MeasurementWindow window, long endNanos) throws InterruptedException {
		Map<String, Accepted> accepted = new ConcurrentHashMap<>();
		ErrorSamples errors = new ErrorSamples(MAX_ERROR_KINDS);
		Schedule schedule = new Schedule(startNanos, 1e9 / rate, endNanos, window, new AtomicLong(), accepted);
		List<Client> workers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			// A customer per client, as real traffic comes from many customers.
			workers.add(new Client(new CommandSender(api, window, errors), "cust-" + i, schedule));
		}
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients,
				task -> new Thread(task, "bench-open-loop-" + threadNumber.incrementAndGet()));
		try {
			List<Future<Tally>> done = pool.invokeAll(workers);
			long finished = System.nanoTime();
			Tally total = new Tally();
			for (Future<Tally> future : done) {
				total.add(resultOf(future));
			}
			return new Result(total, window.measuredSecondsUntil(finished), accepted, errors.describe());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Tally resultOf(Future<Tally> future) throws InterruptedException {
		try {
			return future.get();
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("a benchmark client failed", e.getCause());
		}
	}

	/**
	 * One of the pool's clients: takes the next due command, waits for its time, sends
	 * it.
	 */
	private final class Client implements Callable<Tally> {

		private final CommandSender sender;

		private final String customerId;

		private final Schedule schedule;

		private Client(CommandSender sender, String customerId, Schedule schedule) {
			this.sender = sender;
			this.customerId = customerId;
			this.schedule = schedule;
		}

		@Override
		public Tally call() {
			for (long due; (due = schedule.nextDue()) - schedule.endNanos() < 0;) {
				for (long wait; (wait = due - System.nanoTime()) > 0;) {
					LockSupport.parkNanos(wait);
				}
				if (!schedule.window().tryStartCommand()) {
					break;
				}
				boolean measured = schedule.window().measures(System.nanoTime());
				OrderApi.Command create = api.createOrder(customerId);
				Optional<String> body = sender.send(create);
				long answeredAt = System.nanoTime();
				if (body.isPresent()) {
					Optional<String> orderId = OrderApi.orderId(body.get());
					if (orderId.isPresent()) {
						schedule.accepted().put(orderId.get(), new Accepted(answeredAt, measured));
					}
					else {
						sender.noteUnusable(create, body.get());
					}
				}
			}
			return sender.tally();
		}

	}

	/** The run's timetable, shared by its clients. */
	private record Schedule(long startNanos, double slotNanos, long endNanos, MeasurementWindow window,
			AtomicLong nextSlot, Map<String, Accepted> accepted) {

		long nextDue() {
			return startNanos + (long) (nextSlot.getAndIncrement() * slotNanos);
		}

	}

}
