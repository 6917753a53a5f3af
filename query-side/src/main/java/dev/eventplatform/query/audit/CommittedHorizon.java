package dev.eventplatform.query.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The highest global index below which every event is committed or will never be. The store hands
 * out indexes at insert time, not commit time, so a reader can see index n+1 while n is still
 * in flight; paging past such a hole would skip n for good. A hole is waited for until the event
 * after it is older than the settle timeout: then it is taken as a rolled-back insert.
 * The horizon only moves forward, so each call scans just the events appended since the last one.
 */
class CommittedHorizon {

	/** How far below the head a hole can be at start-up: older holes have long settled. */
	private static final int START_WINDOW = 10_000;

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final Duration settleTimeout;

	private final Clock clock;

	private long horizon = -1;

	CommittedHorizon(JdbcClient jdbc, Duration settleTimeout, Clock clock) {
		this.jdbc = jdbc;
		this.settleTimeout = settleTimeout;
		this.clock = clock;
	}

	synchronized long current() {
		if (horizon < 0) {
			horizon = Math.max(0, jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry")
				.query(Long.class)
				.single() - START_WINDOW);
		}
		var settledBefore = clock.instant().minus(settleTimeout);
		boolean more = true;
		while (more) {
			var rows = jdbc.sql("""
					SELECT global_index, time_stamp FROM domain_event_entry
					WHERE global_index > ? ORDER BY global_index LIMIT ?""")
				.params(horizon, BATCH)
				.query((rs, n) -> new IndexedTime(rs.getLong(1), rs.getString(2)))
				.list();
			more = rows.size() == BATCH;
			for (var row : rows) {
				boolean hole = row.index() != horizon + 1;
				if (hole && Instant.parse(row.timestamp()).isAfter(settledBefore)) {
					return horizon;
				}
				horizon = row.index();
			}
		}
		return horizon;
	}

	private record IndexedTime(long index, String timestamp) {
	}

}
