package dev.eventplatform.notification.stream;

import dev.eventplatform.infrastructure.eventlog.CommittedHorizon;
import dev.eventplatform.infrastructure.eventlog.EventLogQuery;
import dev.eventplatform.infrastructure.eventlog.EventLogReader;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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

	StreamLog(EventLogReader reader, CommittedHorizon horizon, JsonMapper jsonMapper, StreamProperties properties) {
		this.reader = reader;
		this.horizon = horizon;
		this.jsonMapper = jsonMapper;
		this.pageSize = properties.pageSize();
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
