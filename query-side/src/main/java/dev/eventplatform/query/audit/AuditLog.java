package dev.eventplatform.query.audit;

import dev.eventplatform.events.EventEnvelope;
import dev.eventplatform.infrastructure.envelope.EnvelopeFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event log straight from the event store's table, so filters run in the database, and
 * publishes each event through the same upcasters and envelope as every other channel. A page
 * ends at its limit or where its JSON would pass {@code platform.audit.max-page-bytes}, measured
 * with the web layer's mapper, whichever comes first. Blocking: call it off the event loop.
 */
@Component
public class AuditLog {

	/** The page's members around its events, {@code next} included, fit in this. */
	private static final int PAGE_OVERHEAD_BYTES = 128;

	private final JdbcClient jdbc;

	private final Serializer serializer;

	private final org.axonframework.config.Configuration axon;

	private final EventStore eventStore;

	private final EnvelopeFactory envelopes;

	private final CommittedHorizon horizon;

	private final JsonMapper jsonMapper;

	private final long maxPageBytes;

	AuditLog(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer,
			org.axonframework.config.Configuration axon, EventStore eventStore, EnvelopeFactory envelopes,
			@Value("${platform.audit.settle-timeout:5s}") Duration settleTimeout, JsonMapper jsonMapper,
			@Value("${platform.audit.max-page-bytes:1MB}") DataSize maxPageBytes) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.axon = axon;
		this.eventStore = eventStore;
		this.envelopes = envelopes;
		this.horizon = new CommittedHorizon(jdbc, settleTimeout, Clock.systemUTC());
		this.jsonMapper = jsonMapper;
		this.maxPageBytes = maxPageBytes.toBytes();
	}

	public AuditPage page(AuditQuery query) {
		var sql = new StringBuilder("""
				SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
				       payload_type, payload_revision, payload, meta_data
				FROM domain_event_entry WHERE global_index > ? AND global_index <= ?""");
		var params = new ArrayList<Object>(List.of(query.after().position(), horizon.current()));
		if (query.subject() != null) {
			sql.append(" AND aggregate_identifier = ?");
			params.add(query.subject());
		}
		if (!query.payloadTypes().isEmpty()) {
			sql.append(" AND payload_type IN (").append(String.join(",", query.payloadTypes().stream().map(t -> "?").toList())).append(')');
			params.addAll(query.payloadTypes());
		}
		if (query.from() != null) {
			sql.append(" AND time_stamp >= ?");
			params.add(DateTimeUtils.formatInstant(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND time_stamp < ?");
			params.add(DateTimeUtils.formatInstant(query.to()));
		}
		// One row more than asked tells whether another page exists.
		sql.append(" ORDER BY global_index LIMIT ?");
		params.add(query.limit() + 1);

		var rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new TrackedDomainEventData<>(
				new GlobalSequenceTrackingToken(rs.getLong("global_index")),
				new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
						rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
						rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
						rs.getBytes("meta_data"))))
			.list();
		var hasMore = rows.size() > query.limit();
		var page = hasMore ? rows.subList(0, query.limit()) : rows;
		var messages = EventUtils.upcastAndDeserializeTrackedEvents(page.stream(), serializer, upcasters()).toList();
		var events = new ArrayList<EventEnvelope>();
		var next = query.after();
		long bytes = PAGE_OVERHEAD_BYTES;
		for (var message : messages) {
			var envelope = toEnvelope(message);
			bytes += jsonMapper.writeValueAsBytes(envelope).length + 1;
			// The first event always goes in, or one event above the budget would stall the cursor.
			if (bytes > maxPageBytes && !events.isEmpty()) {
				return new AuditPage(events, next.encode(), true);
			}
			events.add(envelope);
			next = new AuditCursor(message.trackingToken().position().orElseThrow());
		}
		return new AuditPage(events, next.encode(), hasMore);
	}

	/** Every event of one subject in order, or an empty list for an unknown subject. */
	public List<EventEnvelope> history(String subject) {
		try (Stream<? extends DomainEventMessage<?>> events = eventStore.readEvents(subject, 0).asStream()) {
			return events.map(envelopes::toEnvelope).toList();
		}
	}

	private EventEnvelope toEnvelope(TrackedEventMessage<?> message) {
		return envelopes.toEnvelope((DomainEventMessage<?>) message);
	}

	private EventUpcaster upcasters() {
		return axon.upcasterChain();
	}

}
