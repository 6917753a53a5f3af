package dev.eventplatform.infrastructure.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class CoordinatorsTest {

	private final EmbeddedEventStore store = EmbeddedEventStore.builder()
		.storageEngine(new InMemoryEventStorageEngine())
		.build();

	private final Coordinators coordinators = new Coordinators(
			new StaticListableBeanFactory(Map.of("eventStore", store)).getBeanProvider(EventStore.class),
			Duration.ofMillis(20));

	private final CoordinatorExecutor coordinator = coordinators.executor("order-summary");

	@AfterEach
	void shutDown() {
		coordinators.stop();
		coordinator.shutdownNow();
		store.shutDown();
	}

	@Test
	void newEventsWakeAnIdleCoordinator() throws Exception {
		var looked = new CountDownLatch(1);
		coordinator.schedule(looked::countDown, 10, TimeUnit.MINUTES);
		coordinators.start();

		// Published until seen: the doorbell tails from the head it finds when it starts.
		for (int i = 0; i < 50 && looked.getCount() > 0; i++) {
			store.publish(GenericEventMessage.asEventMessage("event " + i));
			looked.await(200, TimeUnit.MILLISECONDS);
		}

		assertThat(looked.getCount()).isZero();
	}

	@Test
	void aProcessorOfThisNodeIsWokenByName() throws Exception {
		var looked = new CountDownLatch(1);
		var wait = coordinator.schedule(looked::countDown, 10, TimeUnit.MINUTES);

		coordinators.wake("webhook-fanout");
		assertThat(wait.isDone()).as("another processor's wake-up").isFalse();
		coordinators.wake("order-summary");

		assertThat(looked.await(5, TimeUnit.SECONDS)).isTrue();
	}

}
