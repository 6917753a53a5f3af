package dev.eventplatform.infrastructure.eventlog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exact horizon on PostgreSQL, with no timeout. Each refresh reads the position
 * sequence's value {@code S} and then takes a transaction id {@code N} of its own, in one
 * transaction. A transaction takes its id before its first position (migration V1_3), so
 * every transaction that holds a position up to {@code S} has an id below {@code N}. Once
 * the oldest transaction still running ({@code xmin} of a later snapshot) is at or above
 * {@code N}, all of them have committed or rolled back, and {@code S} is the horizon. A
 * transaction held open for minutes holds the horizon for minutes, and is never skipped.
 * Each refresh uses up one transaction id.
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
	 * Positions read, with the transaction id taken after each; guarded by
	 * {@link #refreshing}.
	 */
	private final Deque<Round> pending = new ArrayDeque<>();

	private volatile long horizon;

	private volatile boolean started;

	private final TransactionTemplate transactions;

	SnapshotHorizon(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
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
	 * Refreshes until the position read now is settled. Transactions that append events
	 * are short.
	 */
	@Override
	public long upToNow() {
		refreshing.lock();
		try {
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
		return horizon;
	}

	/**
	 * There is no earlier round to settle at first: the first reader must not see an
	 * empty log.
	 */
	private void start() {
		if (!started) {
			upToNow();
		}
	}

	/**
	 * @return the position read
	 */
	private long refresh() {
		// In one transaction, the position first, then a transaction id of our own: every
		// id
		// handed out before it, so every transaction that may hold a position up to the
		// one
		// read, is lower. (A snapshot's xmax is not that: it only follows completed
		// ones.)
		var round = transactions.execute(status -> new Round(jdbc.sql("""
				SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM domain_event_entry_global_index_seq""")
			.query(Long.class)
			.single(), jdbc.sql("SELECT pg_current_xact_id()::text::bigint").query(Long.class).single()));
		if (pending.size() == MAX_PENDING) {
			pending.pollFirst();
		}
		pending.addLast(round);
		// Every transaction below the oldest one still running has finished.
		long oldestRunning = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
			.query(Long.class)
			.single();
		while (!pending.isEmpty() && pending.peekFirst().transactionId() <= oldestRunning) {
			horizon = Math.max(horizon, pending.pollFirst().position());
		}
		return round.position();
	}

	/**
	 * @param position the sequence's value when read
	 * @param transactionId the id taken right after: every transaction that may hold a
	 * position up to {@code position} has a lower one
	 */
	private record Round(long position, long transactionId) {
	}

}
