package dev.eventplatform.bench;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Runs one concurrency level: a fixed pool of closed-loop clients through warm-up, then
 * measurement.
 */
final class LevelRunner {

	private static final int MAX_ERROR_KINDS = 5;

	private final OrderApi api;

	private final BenchOptions options;

	LevelRunner(OrderApi api, BenchOptions options) {
		this.api = api;
		this.options = options;
	}

	LevelResult run(int clients) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + options.warmup().toNanos();
		MeasurementWindow window = new MeasurementWindow(measureFrom, measureFrom + options.duration().toNanos(),
				options.maxRequests());
		ErrorSamples errors = new ErrorSamples(MAX_ERROR_KINDS);
		// A customer per client, as real traffic comes from many customers.
		List<OrderWorkload> workloads = IntStream.range(0, clients)
			.mapToObj(i -> new OrderWorkload(api, options.mix(), "cust-" + i, window, errors))
			.toList();

		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients,
				task -> new Thread(task, "bench-" + clients + "-client-" + threadNumber.incrementAndGet()));
		try {
			List<Future<Tally>> done = pool.invokeAll(workloads);
			long finished = System.nanoTime();
			Tally total = new Tally();
			for (Future<Tally> future : done) {
				total.add(resultOf(future));
			}
			return LevelResult.of(clients, total, window.measuredSecondsUntil(finished), errors.describe());
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

}
