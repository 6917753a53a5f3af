package dev.eventplatform.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a command so that a retry with the same {@code Idempotency-Key} returns the first
 * outcome without appending again. The outcome row is inserted in the same database
 * transaction as the command's events (Axon's unit of work joins the surrounding Spring
 * transaction on this thread), so either both are stored or neither is. Blocking: call it
 * off the event loop.
 */
@Component
public class IdempotentCommandExecutor {

	private static final Logger log = LoggerFactory.getLogger(IdempotentCommandExecutor.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final IdempotencyProperties properties;

	private final Clock clock;

	IdempotentCommandExecutor(JdbcClient jdbc, TransactionTemplate transactions, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * @param principal who sends the command; keys are scoped per caller
	 * @param key the caller's idempotency key
	 * @param request a stable description of the request, compared on retries
	 * @param command sends the command and returns its outcome
	 */
	public CommandOutcome execute(String principal, String key, String request, Supplier<CommandOutcome> command) {
		var hash = sha256(request);
		try {
			return transactions.execute(tx -> find(principal, key, hash).orElseGet(() -> {
				var outcome = command.get();
				insert(principal, key, hash, outcome);
				return outcome;
			}));
		}
		catch (RuntimeException ex) {
			// A concurrent duplicate either lost the race on the outcome row or on the
			// event
			// sequence; both rolled back entirely, and the winner's outcome is the
			// answer.
			return find(principal, key, hash).orElseThrow(() -> ex);
		}
	}

	private Optional<CommandOutcome> find(String principal, String key, String hash) {
		return jdbc.sql("""
				SELECT request_hash, response_status, resource_id, resource_version FROM idempotency_record
				WHERE principal = ? AND idempotency_key = ? AND created_at > ?""")
			.params(principal, key, expiredBefore())
			.query((rs, row) -> {
				if (!rs.getString("request_hash").equals(hash)) {
					throw new IdempotencyKeyReusedException(key);
				}
				return new CommandOutcome(rs.getInt("response_status"), rs.getString("resource_id"),
						rs.getLong("resource_version"));
			})
			.optional();
	}

	private void insert(String principal, String key, String hash, CommandOutcome outcome) {
		// An expired row for the same key is replaced, not an error; a live one (a
		// concurrent
		// duplicate that committed first) makes the insert fail, and the caller replays
		// it.
		jdbc.sql("DELETE FROM idempotency_record WHERE principal = ? AND idempotency_key = ? AND created_at <= ?")
			.params(principal, key, expiredBefore())
			.update();
		jdbc.sql("""
				INSERT INTO idempotency_record
				(principal, idempotency_key, request_hash, response_status, resource_id, resource_version, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(principal, key, hash, outcome.status(), outcome.resourceId(), outcome.version(),
					Timestamp.from(clock.instant()))
			.update();
	}

	@Scheduled(fixedDelayString = "${platform.idempotency.purge-interval:PT1H}", initialDelayString = "PT1M")
	void purgeExpired() {
		try {
			var purged = jdbc.sql("DELETE FROM idempotency_record WHERE created_at <= ?")
				.param(expiredBefore())
				.update();
			log.debug("Purged {} expired idempotency records", purged);
		}
		catch (DataAccessException ex) {
			log.warn("Purging expired idempotency records failed; will retry", ex);
		}
	}

	private Timestamp expiredBefore() {
		return Timestamp.from(clock.instant().minus(properties.retention()));
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
