package dev.eventplatform.infrastructure.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The horizon where transaction snapshots are not available (the embedded H2 store): a
 * hole in the positions is waited for until the event after it is older than the settle
 * timeout, and then taken as a rolled-back insert. Its limit: an insert that commits
 * later than the timeout after a later position committed is passed, and skipped by
 * readers that were already past it. Each refresh scans only the events appended since
 * the last one.
 */
final class SettleTimeoutHorizon implements CommittedHorizon {

	/**
	 * How far below the head a hole can be at start-up: older holes have long settled.
	 */
	private static final int START_WINDOW = 10_000;

	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final Duration settleTimeout;

	private final Clock clock;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile long horizon = -1;

	SettleTimeoutHorizon(JdbcClient jdbc, Duration settleTimeout, Clock clock) {
		this.jdbc = jdbc;
		this.settleTimeout = settleTimeout;
		this.clock = clock;
	}

	@Override
	public long current() {
		// The first call must wait: there is no earlier value to hand out.
		if (horizon < 0) {
			refreshing.lock();
		}
		else if (!refreshing.tryLock()) {
			return horizon;
		}
		try {
			refresh();
			return horizon;
		}
		finally {
			refreshing.unlock();
		}
	}

	private void refresh() {
		long position = horizon;
		if (position < 0) {
			position = Math.max(0,
					jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry").query(Long.class).single()
							- START_WINDOW);
		}
		var settledBefore = clock.instant().minus(settleTimeout);
		boolean more = true;
		while (more) {
			var rows = jdbc.sql("""
					SELECT global_index, time_stamp FROM domain_event_entry
					WHERE global_index > ? ORDER BY global_index LIMIT ?""")
				.params(position, BATCH)
				.query((rs, n) -> new IndexedTime(rs.getLong(1), rs.getString(2)))
				.list();
			more = rows.size() == BATCH;
			for (var row : rows) {
				boolean hole = row.index() != position + 1;
				if (hole && !Instant.parse(row.timestamp()).isBefore(settledBefore)) {
					more = false;
					break;
				}
				position = row.index();
			}
		}
		horizon = position;
	}

	private record IndexedTime(long index, String timestamp) {
	}

}
