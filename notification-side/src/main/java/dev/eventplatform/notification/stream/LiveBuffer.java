package dev.eventplatform.notification.stream;

import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One connection's live events, held from the moment it joins the hub until it has caught
 * up and its client reads them. The hub never waits for it: when it is full, it fails
 * with {@link Overflow}, which ends that stream only.
 * <p>
 * Its queue grows in small chunks as events wait and shrinks as they leave, so an idle
 * connection holds next to nothing however large the limit (a queue allocated at its full
 * size cost 32 KiB per connection).
 */
final class LiveBuffer implements Disposable {

	private final Sinks.Many<StreamEvent> buffer;

	private final Disposable subscription;

	private final int size;

	/** Events offered and not yet taken by the connection. */
	private final AtomicInteger held = new AtomicInteger();

	LiveBuffer(Flux<StreamEvent> hub, StreamFilter filter, int size) {
		this.size = size;
		this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<StreamEvent>unbounded(32).get());
		// The hub emits from one thread at a time, so this sink is never emitted to
		// concurrently.
		this.subscription = hub.filter(filter::matches)
			.subscribe(this::offer, buffer::tryEmitError, buffer::tryEmitComplete);
	}

	Flux<StreamEvent> events() {
		return buffer.asFlux().doOnNext(event -> held.decrementAndGet());
	}

	private void offer(StreamEvent event) {
		if (held.incrementAndGet() > size || buffer.tryEmitNext(event).isFailure()) {
			buffer.tryEmitError(new Overflow());
		}
	}

	@Override
	public void dispose() {
		subscription.dispose();
	}

	@Override
	public boolean isDisposed() {
		return subscription.isDisposed();
	}

	/** The client did not keep up; an expected end, so without a stack trace. */
	static final class Overflow extends RuntimeException {

		Overflow() {
			super("The connection's buffer of live events is full.", null, false, false);
		}

	}

}
