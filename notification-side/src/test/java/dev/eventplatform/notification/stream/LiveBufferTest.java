package dev.eventplatform.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

/**
 * A connection that cannot keep up fails alone: the hub and the other connections go on.
 */
class LiveBufferTest {

	private final Sinks.Many<StreamEvent> hub = Sinks.many().multicast().directBestEffort();

	@Test
	void aFullBufferEndsOnlyItsOwnConnection() {
		var slow = new LiveBuffer(hub.asFlux(), StreamFilter.ANY, 8);
		var fast = new LiveBuffer(hub.asFlux(), StreamFilter.ANY, 8);
		var fastReceived = new ArrayList<Long>();
		fast.events().subscribe(event -> fastReceived.add(event.position()));

		LongStream.rangeClosed(1, 20).forEach(position -> hub.tryEmitNext(event(position, "order.created")));

		var slowReceived = new ArrayList<Long>();
		var failure = new AtomicReference<Throwable>();
		slow.events().subscribe(event -> slowReceived.add(event.position()), failure::set);
		assertThat(slowReceived).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
		assertThat(failure.get()).isInstanceOf(LiveBuffer.Overflow.class);
		assertThat(fastReceived).hasSize(20);
		slow.dispose();
		fast.dispose();
		assertThat(hub.currentSubscriberCount()).isZero();
	}

	@Test
	void onlyMatchingEventsTakeRoom() {
		var buffer = new LiveBuffer(hub.asFlux(), new StreamFilter(Set.of("order.shipped"), Set.of(), null), 8);
		LongStream.rangeClosed(1, 20).forEach(position -> hub.tryEmitNext(event(position, "order.created")));
		hub.tryEmitNext(event(21, "order.shipped"));
		hub.tryEmitComplete();

		assertThat(buffer.events().map(StreamEvent::position).collectList().block()).isEqualTo(List.of(21L));
	}

	private static StreamEvent event(long position, String type) {
		return new StreamEvent(position, type, "order-" + position, "{}");
	}

}
