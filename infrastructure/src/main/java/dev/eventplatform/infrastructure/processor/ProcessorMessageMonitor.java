package dev.eventplatform.infrastructure.processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * An event processor's message monitor with axon-micrometer's meter names and tags
 * ({@code eventProcessor.*}, tagged {@code processorName} and {@code payloadType}), which
 * resolves its meters once per payload type. axon-micrometer's monitors build and look up
 * eleven meters per message and record client-side percentiles; on a replay that was 29 %
 * of the processor thread's CPU. Percentiles are left to the scraper (or to Boot's
 * {@code management.metrics.distribution.*} properties), and the capacity gauge is
 * derived from the timers between two reads instead of from a per-message window.
 */
final class ProcessorMessageMonitor implements MessageMonitor<Message<?>> {

	private static final String PREFIX = "eventProcessor.";

	private final String processor;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<Class<?>, PayloadMeters> meters = new ConcurrentHashMap<>();

	/** Milliseconds between the last ingested event's time and its ingestion. */
	private final AtomicLong latency = new AtomicLong();

	ProcessorMessageMonitor(String processor, MeterRegistry registry) {
		this.processor = processor;
		this.registry = registry;
		this.clock = registry.config().clock();
		Gauge.builder(PREFIX + "latency", this.latency, AtomicLong::get)
			.tag("processorName", processor)
			.register(registry);
	}

	@Override
	public MonitorCallback onMessageIngested(Message<?> message) {
		if (message instanceof EventMessage<?> event) {
			this.latency.set(this.clock.wallTime() - event.getTimestamp().toEpochMilli());
		}
		var payloadMeters = this.meters.computeIfAbsent(message.getPayloadType(), this::register);
		payloadMeters.ingested.increment();
		return new Callback(payloadMeters, this.clock, this.clock.monotonicTime());
	}

	private PayloadMeters register(Class<?> payloadType) {
		var tags = Tags.of("payloadType", payloadType.getSimpleName(), "processorName", this.processor);
		var all = timer("allTimer", tags);
		Gauge.builder(PREFIX + "capacity", new Capacity(all, this.clock), Capacity::sinceLastRead)
			.description("Share of the time the processor spent handling these messages since the previous read")
			.tags(tags)
			.register(this.registry);
		return new PayloadMeters(all, timer("successTimer", tags), timer("failureTimer", tags),
				timer("ignoredTimer", tags), counter("ingestedCounter", tags), counter("processedCounter", tags),
				counter("successCounter", tags), counter("failureCounter", tags), counter("ignoredCounter", tags));
	}

	private Timer timer(String name, Tags tags) {
		return Timer.builder(PREFIX + name).tags(tags).register(this.registry);
	}

	private Counter counter(String name, Tags tags) {
		return Counter.builder(PREFIX + name).tags(tags).register(this.registry);
	}

	private record PayloadMeters(Timer all, Timer success, Timer failure, Timer ignored, Counter ingested,
			Counter processed, Counter succeeded, Counter failed, Counter ignoredCount) {
	}

	private record Callback(PayloadMeters meters, Clock clock, long start) implements MonitorCallback {

		@Override
		public void reportSuccess() {
			finish(this.meters.success, this.meters.succeeded);
		}

		@Override
		public void reportFailure(Throwable cause) {
			finish(this.meters.failure, this.meters.failed);
		}

		@Override
		public void reportIgnored() {
			finish(this.meters.ignored, this.meters.ignoredCount);
		}

		private void finish(Timer outcome, Counter outcomeCount) {
			long nanos = this.clock.monotonicTime() - this.start;
			this.meters.all.record(nanos, TimeUnit.NANOSECONDS);
			outcome.record(nanos, TimeUnit.NANOSECONDS);
			this.meters.processed.increment();
			outcomeCount.increment();
		}

	}

	/** Handling time over elapsed time between two reads of the gauge. */
	private static final class Capacity {

		private final Timer all;

		private final Clock clock;

		private long readAt;

		private double handledAt;

		Capacity(Timer all, Clock clock) {
			this.all = all;
			this.clock = clock;
			this.readAt = clock.monotonicTime();
		}

		synchronized double sinceLastRead() {
			long now = this.clock.monotonicTime();
			double handled = this.all.totalTime(TimeUnit.NANOSECONDS);
			double capacity = (now > this.readAt) ? (handled - this.handledAt) / (now - this.readAt) : 0;
			this.readAt = now;
			this.handledAt = handled;
			return capacity;
		}

	}

}
