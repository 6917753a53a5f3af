package dev.eventplatform.infrastructure.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Batched read-model writes against a real database (in-memory H2), inside Axon batches
 * run the way a pooled processor runs them: a poison event is singled out and
 * dead-lettered on the retry while the rest commits, a transient error only fails the
 * batch, a redelivered batch changes nothing.
 */
class BatchedWritesTest {

	private JdbcTemplate jdbc;

	private SpringTransactionManager transactions;

	private BatchedWrites<String> writes;

	private final AtomicBoolean databaseAway = new AtomicBoolean();

	/** What the dead-letter queue would have taken: the events whose handler threw. */
	private final List<String> deadLettered = new ArrayList<>();

	@BeforeEach
	void setUp() {
		var dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:batched-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		jdbc = new JdbcTemplate(dataSource);
		// Values longer than 5 characters are refused by the database: those are the
		// poison.
		jdbc.execute("CREATE TABLE model (id VARCHAR(5) PRIMARY KEY)");
		var transactionManager = new JdbcTransactionManager(dataSource);
		transactions = new SpringTransactionManager(transactionManager);
		writes = new BatchedWrites<>("model", transactionManager, this::flush);
	}

	private void flush(List<String> values) {
		if (databaseAway.get()) {
			throw new TransientDataAccessResourceException("connection refused");
		}
		jdbc.batchUpdate("MERGE INTO model KEY (id) VALUES (?)", values, values.size(),
				(ps, value) -> ps.setString(1, value));
	}

	@Test
	void writesABatchInOneGoWhenItCommits() {
		var failure = runBatch("a", "b", "c");
		assertThat(failure).isNull();
		assertThat(rows()).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void aPoisonEventFailsItsBatchOnceThenIsDeadLetteredWhileTheOthersCommit() {
		var events = messages("a", "poison", "c");

		assertThat(runBatch(events)).as("the first attempt fails as a whole").isNotNull();
		assertThat(rows()).isEmpty();
		assertThat(deadLettered).isEmpty();

		assertThat(runBatch(events)).as("the retry commits").isNull();
		assertThat(rows()).containsExactlyInAnyOrder("a", "c");
		assertThat(deadLettered).containsExactly("poison");
	}

	@Test
	void aTransientErrorFailsTheBatchAndDeadLettersNothing() {
		var events = messages("a", "b");
		databaseAway.set(true);
		assertThat(runBatch(events)).isInstanceOf(TransientDataAccessResourceException.class);

		databaseAway.set(false);
		assertThat(runBatch(events)).isNull();
		assertThat(rows()).containsExactlyInAnyOrder("a", "b");
		assertThat(deadLettered).isEmpty();
	}

	@Test
	void aRedeliveredBatchChangesNothing() {
		var events = messages("a", "b");
		assertThat(runBatch(events)).isNull();
		assertThat(runBatch(events)).isNull();
		assertThat(rows()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void outsideABatchAWriteIsItsOwnAndItsFailureLeavesTheTransactionUsable() {
		var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("toolong"));
		unitOfWork.attachTransaction(transactions);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> writes.add("toolong"));
		// A dead letter is requeued in the same transaction: it must still accept
		// statements.
		jdbc.update("INSERT INTO model VALUES ('after')");
		unitOfWork.commit();
		assertThat(rows()).containsExactly("after");
	}

	private Throwable runBatch(String... values) {
		return runBatch(messages(values));
	}

	/** Handles a batch as a pooled processor with a dead-lettering invoker does. */
	private Throwable runBatch(List<EventMessage<String>> events) {
		var batch = new BatchingUnitOfWork<>(events);
		batch.attachTransaction(transactions);
		var result = batch.executeWithResult(() -> {
			var value = CurrentUnitOfWork.get().getMessage().getPayload().toString();
			try {
				writes.add(value);
			}
			catch (PoisonEventException ex) {
				deadLettered.add(value);
			}
			return null;
		});
		return result.isExceptional() ? result.exceptionResult() : null;
	}

	private static List<EventMessage<String>> messages(String... values) {
		return List.of(values).stream().<EventMessage<String>>map(GenericEventMessage::asEventMessage).toList();
	}

	private List<String> rows() {
		return jdbc.queryForList("SELECT id FROM model", String.class);
	}

}
