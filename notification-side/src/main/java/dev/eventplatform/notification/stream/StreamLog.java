package dev.eventplatform.notification.stream;

import dev.eventplatform.infrastructure.eventlog.CommittedHorizon;
import dev.eventplatform.infrastructure.eventlog.EventLogQuery;
import dev.eventplatform.infrastructure.eventlog.EventLogReader;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event log as the stream reads it: pages of ready-to-send events, never past the
 * committed horizon.
 */
@Component
class StreamLog {

	private final EventLogReader reader;

	private final CommittedHorizon horizon;

	private final JsonMapper jsonMapper;

	private final int pageSize;

	private final long maxReplayEvents;

	private final Duration maxReplayAge;

	private final Clock clock;

	StreamLog(EventLogReader reader, CommittedHorizon horizon, JsonMapper jsonMapper, StreamProperties properties,
			Clock clock) {
		this.reader = reader;
		this.horizon = horizon;
		this.jsonMapper = jsonMapper;
		this.pageSize = properties.pageSize();
		this.maxReplayEvents = properties.maxReplayEvents();
		this.maxReplayAge = properties.maxReplayAge();
		this.clock = clock;
	}

	/**
	 * Whether a resume after {@code after} is within the replay budget: not more than
	 * {@code max-replay-events} positions behind the head, and its next event not older
	 * than {@code max-replay-age}. Empty when it is; otherwise the oldest position a
	 * client may resume after.
	 */
	Mono<Optional<Long>> beyondBudget(long after) {
		return Mono.fromCallable(horizon::current).subscribeOn(Schedulers.boundedElastic()).flatMap(head -> {
			if (head - after > maxReplayEvents) {
				return Mono.just(Optional.of(head - maxReplayEvents));
			}
			var oldestAllowed = clock.instant().minus(maxReplayAge);
			return reader.read(new EventLogQuery(after, null, Set.of(), null, null, 1)).flatMap(next -> {
				if (next.events().isEmpty() || !next.events().get(0).envelope().timestamp().isBefore(oldestAllowed)) {
					return Mono.just(Optional.<Long>empty());
				}
				return reader.read(new EventLogQuery(after, null, Set.of(), oldestAllowed, null, 1))
					.map(young -> Optional
						.of(young.events().isEmpty() ? young.next() : young.events().get(0).position() - 1));
			});
		});
	}

	/**
	 * The committed horizon up to now: a stream that starts here sees exactly the events
	 * committed from now on (a lagging horizon would replay some from before).
	 */
	Mono<Long> head() {
		return Mono.fromCallable(horizon::upToNow).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Every matching event after {@code after}, a page at a time and only as fast as they
	 * are consumed; the last page's {@code next} is the horizon reached, up to which
	 * nothing else matches.
	 */
	Flux<Page> readFrom(long after, StreamFilter filter) {
		return read(after, filter).expand(page -> page.hasMore() ? read(page.next(), filter) : Mono.empty());
	}

	private Mono<Page> read(long after, StreamFilter filter) {
		return reader.read(new EventLogQuery(after, filter.subject(), filter.payloadTypes(), null, null, pageSize))
			.map(page -> new Page(page.events()
				.stream()
				.map(event -> new StreamEvent(event.position(), event.envelope().eventType(),
						event.envelope().subject(), jsonMapper.writeValueAsString(event.envelope())))
				.toList(), page.next(), page.hasMore()));
	}

	record Page(List<StreamEvent> events, long next, boolean hasMore) {
	}

}
