package dev.eventplatform.infrastructure.eventlog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exact horizon on PostgreSQL, with no timeout. Each refresh reads the position
 * sequence's value {@code S}, then the current snapshot ({@code xmin}, {@code xmax}). A
 * transaction takes its transaction id before its first position (migration V1_3), so
 * every transaction that holds a position up to {@code S} had its id before that
 * snapshot: its id is below the snapshot's {@code xmax}. Once the oldest transaction
 * still running ({@code xmin} of a later snapshot) is at or above that {@code xmax}, all
 * of them have committed or rolled back, and {@code S} is the horizon. A transaction held
 * open for minutes holds the horizon for minutes, and is never skipped.
 */
final class SnapshotHorizon implements CommittedHorizon {

	/**
	 * Refreshes kept while a long transaction holds the horizon; the oldest go first,
	 * which only delays it.
	 */
	private static final int MAX_PENDING = 10_000;

	private static final int START_ATTEMPTS = 200;

	private static final long START_PAUSE_MILLIS = 10;

	private final JdbcClient jdbc;

	private final ReentrantLock refreshing = new ReentrantLock();

	/**
	 * Positions read, with the snapshot taken after each; guarded by {@link #refreshing}.
	 */
	private final Deque<Round> pending = new ArrayDeque<>();

	private volatile long horizon;

	private volatile boolean started;

	SnapshotHorizon(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long current() {
		if (!started) {
			start();
		}
		else if (refreshing.tryLock()) {
			try {
				refresh();
			}
			finally {
				refreshing.unlock();
			}
		}
		return horizon;
	}

	/**
	 * There is no earlier round to settle at first: refresh until the position first read
	 * is settled, so that the first reader does not see an empty log. Transactions that
	 * append events are short.
	 */
	private void start() {
		refreshing.lock();
		try {
			if (started) {
				return;
			}
			long target = refresh();
			for (int attempt = 0; horizon < target && attempt < START_ATTEMPTS; attempt++) {
				Thread.sleep(START_PAUSE_MILLIS);
				refresh();
			}
			started = true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			refreshing.unlock();
		}
	}

	/**
	 * @return the position read
	 */
	private long refresh() {
		// In this order: the position first, then the snapshot.
		long position = jdbc.sql("""
				SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM domain_event_entry_global_index_seq""")
			.query(Long.class)
			.single();
		var snapshot = jdbc.sql("""
				SELECT pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint
				FROM pg_current_snapshot() s""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long oldestRunning = snapshot[0];
		var last = pending.peekLast();
		if (last != null && last.xmax() == snapshot[1]) {
			// No transaction id was handed out since: the newer position needs the same
			// transactions done.
			pending.pollLast();
		}
		else if (pending.size() == MAX_PENDING) {
			pending.pollFirst();
		}
		pending.addLast(new Round(position, snapshot[1]));
		while (!pending.isEmpty() && pending.peekFirst().xmax() <= oldestRunning) {
			horizon = Math.max(horizon, pending.pollFirst().position());
		}
		return position;
	}

	private record Round(long position, long xmax) {
	}

}
