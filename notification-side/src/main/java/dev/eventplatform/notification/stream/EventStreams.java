package dev.eventplatform.notification.stream;

import dev.eventplatform.notification.stream.StreamConnections.Reason;
import dev.eventplatform.notification.stream.StreamLog.Page;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Builds each connection's stream: the {@code retry:} hint first, so that bytes leave at
 * once; the events after its start position read from the log; then the live events from
 * the hub that the catch-up did not already send; a {@code :keepalive} comment whenever
 * nothing went out for a while; and a final {@code stream-closed} event when the node
 * ends the stream. What a stream has waiting goes out in one write (up to
 * {@value #MOST_PER_WRITE} events, gathered for at most {@code GATHER}): one write and
 * flush per event and stream was what limited the fan-out.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class EventStreams {

	/**
	 * Sent as {@code event: stream-closed}; not a catalogue type, whose names have a dot.
	 */
	static final String CLOSED_EVENT = "stream-closed";

	/**
	 * Sent as {@code event: position-too-old} when a resume reaches further back than the
	 * replay budget; live events follow.
	 */
	static final String TOO_OLD_EVENT = "position-too-old";

	private static final SseChunk KEEPALIVE = SseChunk.comment("keepalive");

	/** Most events a stream writes at once. */
	private static final int MOST_PER_WRITE = 64;

	/**
	 * How long a stream's first waiting event may wait for others to share its write.
	 */
	private static final Duration GATHER = Duration.ofMillis(5);

	private final LiveEventHub hub;

	private final StreamLog streamLog;

	private final StreamConnections connections;

	private final StreamProperties properties;

	EventStreams(LiveEventHub hub, StreamLog streamLog, StreamConnections connections, StreamProperties properties) {
		this.hub = hub;
		this.streamLog = streamLog;
		this.connections = connections;
		this.properties = properties;
	}

	/**
	 * Where a stream with no position to resume from starts: events committed from now
	 * on.
	 */
	Mono<Long> head() {
		return streamLog.head();
	}

	/**
	 * Counts a new stream of {@code key} against the caps (refused with 429 beyond them)
	 * and returns it.
	 */
	Flux<SseChunk> open(String key, StreamFilter filter, long after) {
		connections.open(key);
		var ending = new AtomicReference<Reason>();
		var aged = new AtomicBoolean();
		var events = Flux
			.using(() -> new LiveBuffer(hub.events(), filter, properties.bufferSize()),
					live -> events(live, filter, after), LiveBuffer::dispose)
			.takeUntilOther(Mono.delay(lifetime()).doOnNext(tick -> aged.set(true)))
			.concatWith(Mono.defer(() -> closing(ending, aged.get() ? Reason.LIFETIME : Reason.SHUTDOWN)))
			.onErrorResume(LiveBuffer.Overflow.class, overflow -> closing(ending, Reason.SLOW_CONSUMER));
		return withKeepalive(Flux.just(retryHint()).concatWith(events)).bufferTimeout(MOST_PER_WRITE, GATHER, true)
			.map(SseChunk::join)
			.doFinally(signal -> connections.closed(key, signal == SignalType.ON_COMPLETE ? ending.get()
					: signal == SignalType.ON_ERROR ? Reason.ERROR : Reason.CLIENT_GONE));
	}

	/**
	 * The catch-up ends at a horizon it read after the connection joined the hub, so
	 * every live event the hub sends after it is either in the catch-up (dropped here) or
	 * above it.
	 */
	private Flux<SseChunk> events(LiveBuffer live, StreamFilter filter, long after) {
		return hub.positioned().then(streamLog.beyondBudget(after)).flatMapMany(oldest -> {
			if (oldest.isEmpty()) {
				return replayThenLive(live, filter, after);
			}
			// Live from the head: what lies between is not replayed, and the client is
			// told.
			return streamLog.head()
				.flatMapMany(
						head -> Flux.just(tooOld(after, oldest.get())).concatWith(replayThenLive(live, filter, head)));
		});
	}

	private Flux<SseChunk> replayThenLive(LiveBuffer live, StreamFilter filter, long after) {
		var caughtUpTo = new AtomicLong();
		var replayed = new AtomicLong();
		return streamLog.readFrom(after, filter).doOnNext(page -> {
			caughtUpTo.set(page.next());
			var events = replayed.addAndGet(page.events().size());
			if (!page.hasMore()) {
				connections.caughtUp(events);
			}
		})
			.concatMapIterable(Page::events)
			.concatWith(live.events().filter(event -> event.position() > caughtUpTo.get()))
			.map(this::toChunk);
	}

	private static SseChunk tooOld(long requested, long oldest) {
		return SseChunk.event(null, TOO_OLD_EVENT,
				"{\"requested\":" + requested + ",\"oldest\":" + oldest
						+ ",\"detail\":\"The position is older than this server replays; live events follow. "
						+ "Read what lies between from GET /audit/events.\"}");
	}

	/** The configured lifetime, less up to a tenth of it, so that reconnects spread. */
	private Duration lifetime() {
		var lifetime = properties.maxLifetime();
		return lifetime.minusMillis(ThreadLocalRandom.current().nextLong(lifetime.toMillis() / 10 + 1));
	}

	private SseChunk toChunk(StreamEvent event) {
		connections.sent();
		return SseChunk.event(Long.toString(event.position()), event.type(), event.json());
	}

	private SseChunk retryHint() {
		long jitter = ThreadLocalRandom.current().nextLong(properties.retryJitter().toMillis() + 1);
		return SseChunk.retry(properties.retry().plusMillis(jitter));
	}

	private static Mono<SseChunk> closing(AtomicReference<Reason> ending, Reason reason) {
		return Mono.fromSupplier(() -> {
			ending.set(reason);
			return SseChunk.event(null, CLOSED_EVENT, "{\"reason\":\"" + reason.tag() + "\"}");
		});
	}

	/**
	 * Sends a keepalive once nothing went out for the keepalive time. One timer at a
	 * time, set to when the stream would have been idle that long: restarting a timer at
	 * every event cost more than the event itself with many connections. The timer stops
	 * with the stream.
	 */
	private Flux<SseChunk> withKeepalive(Flux<SseChunk> stream) {
		long idle = properties.keepalive().toNanos();
		var lastSent = new AtomicLong(System.nanoTime());
		var keepalives = Mono
			.defer(() -> Mono.delay(Duration.ofNanos(Math.max(0, lastSent.get() + idle - System.nanoTime()))))
			.repeat()
			.filter(tick -> System.nanoTime() - lastSent.get() >= idle)
			.map(tick -> {
				lastSent.set(System.nanoTime());
				return KEEPALIVE;
			});
		return stream.publish(sent -> Flux.merge(sent.doOnNext(any -> lastSent.set(System.nanoTime())),
				keepalives.takeUntilOther(sent.then())));
	}

}
