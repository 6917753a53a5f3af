package dev.eventplatform.infrastructure.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinatorExecutorTest {

	private final CoordinatorExecutor executor = new CoordinatorExecutor("test");

	@AfterEach
	void shutDown() {
		executor.shutdownNow();
	}

	@Test
	void aWakeUpRunsAPendingWaitAtOnceAndOnlyOnce() throws Exception {
		var runs = new AtomicInteger();
		Runnable run = runs::incrementAndGet;
		var delayed = executor.schedule(run, 1, TimeUnit.MINUTES);

		executor.wake();

		await().atMost(Duration.ofSeconds(5)).untilAtomic(runs, equalTo(1));
		assertThat(delayed.isCancelled()).as("not again when the delay passes").isTrue();
		assertThat(runs).hasValue(1);
	}

	@Test
	void aWaitNobodyWakesRunsAfterItsDelay() throws Exception {
		var ran = new CountDownLatch(1);
		long start = System.nanoTime();
		executor.schedule(ran::countDown, 100, TimeUnit.MILLISECONDS);

		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(100);
	}

	@Test
	void aWakeUpAfterTheWaitRanChangesNothing() throws Exception {
		var runs = new AtomicInteger();
		var ran = new CountDownLatch(1);
		executor.schedule(() -> {
			runs.incrementAndGet();
			ran.countDown();
		}, 10, TimeUnit.MILLISECONDS);
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

		executor.wake();
		executor.submit(() -> null).get(5, TimeUnit.SECONDS);

		assertThat(runs).hasValue(1);
	}

}
