package dev.eventplatform.infrastructure.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects the read-model writes of one processor batch and flushes them together when
 * the batch commits, in the transaction of the processor's token: a statement per event
 * cannot keep up with the command side, a JDBC batch per processor batch can.
 * <p>
 * Flushing at commit means a poison event (one whose write the database refuses) fails
 * the whole batch, not its own handler, where Axon's dead-letter queue would catch it. So
 * when a flush fails with a data error, each event's writes are tried again alone, each
 * under a savepoint, to single out the culprits; the batch then fails and Axon retries
 * it, and this time the culprits' handlers throw {@link PoisonEventException}, which
 * dead-letters them (and the later events of their sequence) while the rest of the batch
 * commits. An error that is not about the data (the database is away, say) is rethrown
 * untouched: the processor retries the batch and dead-letters nothing.
 * <p>
 * Outside a processor batch (a dead letter being retried) writes are flushed at once, so
 * that a failure is the handler's own.
 *
 * @param <W> one write, as the projection describes it
 */
public final class BatchedWrites<W> {

	private static final Logger log = LoggerFactory.getLogger(BatchedWrites.class);

	private final String resourceKey;

	private final Consumer<List<W>> flush;

	private final TransactionTemplate savepoint;

	/** Event ids found poisonous, until their handler is called again and throws. */
	private final Map<String, RuntimeException> poisoned = new ConcurrentHashMap<>();

	/**
	 * @param name names these writes in the batch's resources; unique per projection
	 * @param flush writes a list of writes, in order; must fail with a
	 * {@link DataIntegrityViolationException} or an {@link EventNotApplicableException}
	 * when a write cannot be applied
	 */
	public BatchedWrites(String name, PlatformTransactionManager transactionManager, Consumer<List<W>> flush) {
		this.resourceKey = BatchedWrites.class.getName() + "." + name;
		this.flush = flush;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Adds a write of the event being handled; call it from an event handler. */
	public void add(W write) {
		var unitOfWork = CurrentUnitOfWork.get();
		if (!(unitOfWork.root() instanceof BatchingUnitOfWork<?> batch)) {
			// Under a savepoint, so that the transaction stays usable for requeueing the
			// letter.
			savepoint.executeWithoutResult(status -> flush.accept(List.of(write)));
			return;
		}
		var pending = batch.getOrComputeResource(resourceKey, key -> {
			var writes = new ArrayList<Pending<W>>();
			batch.onPrepareCommit(committing -> flush(writes));
			// Culprits that the dead-letter queue took without calling their handler are
			// done with too.
			batch.afterCommit(committed -> batch.getMessages().forEach(m -> poisoned.remove(m.getIdentifier())));
			return writes;
		});
		var eventId = unitOfWork.getMessage().getIdentifier();
		var cause = poisoned.remove(eventId);
		if (cause != null) {
			throw new PoisonEventException(eventId, cause);
		}
		pending.add(new Pending<>(eventId, write));
	}

	private void flush(List<Pending<W>> pending) {
		try {
			savepoint.executeWithoutResult(status -> flush.accept(pending.stream().map(Pending::write).toList()));
		}
		catch (RuntimeException ex) {
			if (!isAboutTheData(ex)) {
				throw ex;
			}
			var culprits = culprits(pending);
			if (culprits.isEmpty()) {
				// Only the combination fails: retrying the batch is all that can be done.
				throw ex;
			}
			poisoned.putAll(culprits);
			log.warn(
					"A read-model batch of {} events failed on {} event(s) it cannot apply ({}); "
							+ "retrying the batch, which dead-letters them",
					pending.size(), culprits.size(), ex.toString());
			throw ex;
		}
	}

	/**
	 * Tries each event's write alone, in order, and names those that fail on their data.
	 */
	private Map<String, RuntimeException> culprits(List<Pending<W>> pending) {
		var culprits = new LinkedHashMap<String, RuntimeException>();
		for (var entry : pending) {
			try {
				savepoint.executeWithoutResult(status -> flush.accept(List.of(entry.write())));
			}
			catch (RuntimeException ex) {
				if (!isAboutTheData(ex)) {
					throw ex;
				}
				culprits.put(entry.eventId(), ex);
			}
		}
		return culprits;
	}

	private static boolean isAboutTheData(RuntimeException ex) {
		return ex instanceof DataIntegrityViolationException || ex instanceof EventNotApplicableException;
	}

	private record Pending<W>(String eventId, W write) {
	}

}
