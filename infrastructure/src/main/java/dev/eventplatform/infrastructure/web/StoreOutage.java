package dev.eventplatform.infrastructure.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an outage of the database (no connection to be had, the connection lost, the
 * server shutting down or refusing) from a failure of the request itself, wherever in the
 * cause chain Axon, Spring or the driver put it: the first is answered 503 with
 * {@code Retry-After}.
 */
final class StoreOutage {

	/** PostgreSQL: admin or crash shutdown, cannot connect now, too many connections. */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

	private StoreOutage() {
	}

	static boolean causes(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
				return true;
			}
			// A rollback on the lost connection failed too, and hides the first failure.
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causes(rollback.getApplicationException())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** SQL state class 08 is "connection exception" in the SQL standard. */
	private static boolean isConnectionState(String state) {
		return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
	}

}
