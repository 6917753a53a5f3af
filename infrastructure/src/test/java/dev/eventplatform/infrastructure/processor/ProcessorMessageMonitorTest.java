package dev.eventplatform.infrastructure.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;

/** The monitor keeps axon-micrometer's meter names and tags. */
class ProcessorMessageMonitorTest {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

	private final ProcessorMessageMonitor monitor = new ProcessorMessageMonitor("order-summary", registry);

	@Test
	void countsAndTimesEachOutcomePerPayloadType() {
		monitor.onMessageIngested(GenericEventMessage.asEventMessage("a")).reportSuccess();
		var failed = monitor.onMessageIngested(GenericEventMessage.asEventMessage("b"));
		clock.add(Duration.ofMillis(40));
		failed.reportFailure(new IllegalStateException("boom"));
		monitor.onMessageIngested(GenericEventMessage.asEventMessage(42)).reportIgnored();

		assertThat(counter("ingestedCounter", "String")).isEqualTo(2);
		assertThat(counter("processedCounter", "String")).isEqualTo(2);
		assertThat(counter("successCounter", "String")).isEqualTo(1);
		assertThat(counter("failureCounter", "String")).isEqualTo(1);
		assertThat(counter("ignoredCounter", "Integer")).isEqualTo(1);
		assertThat(timer("allTimer", "String").count()).isEqualTo(2);
		assertThat(timer("failureTimer", "String").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
		assertThat(timer("successTimer", "String").count()).isEqualTo(1);
		assertThat(timer("ignoredTimer", "Integer").count()).isEqualTo(1);
	}

	@Test
	void latencyIsTheLastEventsAgeInMilliseconds() {
		clock.add(Duration.ofSeconds(10));
		var now = Instant.ofEpochMilli(clock.wallTime());
		var event = new GenericEventMessage<>(new GenericMessage<>("b"), () -> now.minusMillis(1500));

		monitor.onMessageIngested(event).reportSuccess();

		assertThat(registry.get("eventProcessor.latency").tag("processorName", "order-summary").gauge().value())
			.isEqualTo(1500);
	}

	@Test
	void capacityIsTheShareOfTimeSpentHandlingSinceTheLastRead() {
		var callback = monitor.onMessageIngested(GenericEventMessage.asEventMessage("a"));
		var capacity = registry.get("eventProcessor.capacity").tag("payloadType", "String").gauge();
		capacity.value();
		clock.add(Duration.ofMillis(250));
		callback.reportSuccess();
		clock.add(Duration.ofMillis(750));

		assertThat(capacity.value()).isEqualTo(0.25);
		clock.add(Duration.ofSeconds(1));
		assertThat(capacity.value()).isZero();
	}

	private double counter(String name, String payloadType) {
		return registry.get("eventProcessor." + name)
			.tag("payloadType", payloadType)
			.tag("processorName", "order-summary")
			.counter()
			.count();
	}

	private Timer timer(String name, String payloadType) {
		return registry.get("eventProcessor." + name)
			.tag("payloadType", payloadType)
			.tag("processorName", "order-summary")
			.timer();
	}

}
