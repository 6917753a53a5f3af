package dev.eventplatform.query.audit;

import dev.eventplatform.infrastructure.eventlog.EventLogPage;
import dev.eventplatform.infrastructure.eventlog.EventLogQuery;
import dev.eventplatform.infrastructure.eventlog.EventLogReader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditors' view of the event log, read through the shared {@link EventLogReader}. A
 * page ends at its limit or where its JSON would pass
 * {@code platform.audit.max-page-bytes}, measured with the web layer's mapper, whichever
 * comes first.
 */
@Component
public class AuditLog {

	/** The page's members around its events, {@code next} included, fit in this. */
	private static final int PAGE_OVERHEAD_BYTES = 128;

	private final EventLogReader reader;

	private final JsonMapper jsonMapper;

	private final long maxPageBytes;

	AuditLog(EventLogReader reader, JsonMapper jsonMapper,
			@Value("${platform.audit.max-page-bytes:1MB}") DataSize maxPageBytes) {
		this.reader = reader;
		this.jsonMapper = jsonMapper;
		this.maxPageBytes = maxPageBytes.toBytes();
	}

	public Mono<AuditPage> page(AuditQuery query) {
		return reader
			.read(new EventLogQuery(query.after().position(), query.subject(), query.payloadTypes(), query.from(),
					query.to(), query.limit()))
			.map(this::withinBudget);
	}

	/** Every event of one subject in order, or an empty list for an unknown subject. */
	public Mono<List<AuditedEvent>> history(String subject) {
		return reader.history(subject).map(events -> events.stream().map(AuditedEvent::of).toList());
	}

	private AuditPage withinBudget(EventLogPage page) {
		var events = new ArrayList<AuditedEvent>();
		long bytes = PAGE_OVERHEAD_BYTES;
		for (var logged : page.events()) {
			var event = AuditedEvent.of(logged);
			bytes += jsonMapper.writeValueAsBytes(event).length + 1;
			// The first event always goes in, or one event above the budget would stall
			// the cursor.
			if (bytes > maxPageBytes && !events.isEmpty()) {
				return new AuditPage(events, new AuditCursor(events.get(events.size() - 1).position()).encode(), true);
			}
			events.add(event);
		}
		return new AuditPage(events, new AuditCursor(page.next()).encode(), page.hasMore());
	}

}
