package dev.eventplatform.infrastructure.eventlog;

import dev.eventplatform.infrastructure.axon.AxonInfrastructureConfiguration;
import dev.eventplatform.infrastructure.envelope.EnvelopeFactory;
import dev.eventplatform.infrastructure.eventlog.EventLogPage.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Reads the event log straight from the event store's table, so that filters run in the
 * database, never past the {@link CommittedHorizon}, and publishes each event through the
 * upcasters and the envelope that every channel shares. Its work runs on a scheduler for
 * blocking calls, never on the caller's (event-loop) thread.
 */
public class EventLogReader {

	private static final String SELECT = """
			SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
			       payload_type, payload_revision, payload, meta_data
			FROM domain_event_entry""";

	private final JdbcClient jdbc;

	private final Serializer serializer;

	private final org.axonframework.config.Configuration axon;

	private final EnvelopeFactory envelopes;

	private final CommittedHorizon horizon;

	private final Scheduler blocking;

	EventLogReader(JdbcClient jdbc, Serializer serializer, org.axonframework.config.Configuration axon,
			EnvelopeFactory envelopes, CommittedHorizon horizon, Scheduler blocking) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.axon = axon;
		this.envelopes = envelopes;
		this.horizon = horizon;
		this.blocking = blocking;
	}

	/** The matching events after {@code query.after()}, up to its limit. */
	public Mono<EventLogPage> read(EventLogQuery query) {
		return Mono.fromCallable(() -> page(query)).subscribeOn(blocking);
	}

	/**
	 * Every committed event of one aggregate, in order; empty for an unknown one. Needs
	 * no horizon: an aggregate's events are appended one sequence number after the other.
	 */
	public Mono<List<LoggedEvent>> history(String subject) {
		return Mono
			.fromCallable(
					() -> query(SELECT + " WHERE aggregate_identifier = ? ORDER BY sequence_number", List.of(subject)))
			.subscribeOn(blocking);
	}

	private EventLogPage page(EventLogQuery query) {
		long upTo = horizon.current();
		var sql = new StringBuilder(SELECT).append(" WHERE global_index > ? AND global_index <= ?");
		var params = new ArrayList<Object>(List.of(query.after(), upTo));
		if (query.subject() != null) {
			sql.append(" AND aggregate_identifier = ?");
			params.add(query.subject());
		}
		if (!query.payloadTypes().isEmpty()) {
			sql.append(" AND payload_type IN (")
				.append(String.join(",", query.payloadTypes().stream().map(type -> "?").toList()))
				.append(')');
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

		var events = query(sql.toString(), params);
		var hasMore = events.size() > query.limit();
		if (hasMore) {
			events = events.subList(0, query.limit());
		}
		long next = hasMore ? events.get(events.size() - 1).position() : Math.max(query.after(), upTo);
		return new EventLogPage(events, next, hasMore);
	}

	/**
	 * Runs a query of {@link #SELECT}'s columns and publishes its rows through the
	 * upcasters.
	 */
	private List<LoggedEvent> query(String sql, List<?> params) {
		var rows = jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong("global_index")),
					new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
							rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
							rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
							rs.getBytes("meta_data"))))
			.list();
		return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, axon.upcasterChain())
			.map(message -> new LoggedEvent(message.trackingToken().position().orElseThrow(),
					envelopes.toEnvelope((DomainEventMessage<?>) message),
					(String) message.getMetaData().get(AxonInfrastructureConfiguration.PRINCIPAL_METADATA)))
			.toList();
	}

}
