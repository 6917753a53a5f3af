package dev.eventplatform.infrastructure.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * What the dead-letter queues of this node's processing groups hold, and retrying them.
 * Blocking: call it off the event loop.
 */
public class DeadLetters {

	private final List<String> groups;

	private final org.axonframework.config.Configuration axon;

	DeadLetters(List<String> groups, org.axonframework.config.Configuration axon) {
		this.groups = groups;
		this.axon = axon;
	}

	/** The groups with a dead-letter queue, in declaration order. */
	public List<String> groups() {
		return groups;
	}

	/** Letters and sequences waiting, per group. */
	public Map<String, Count> counts() {
		var counts = new LinkedHashMap<String, Count>();
		for (var group : groups()) {
			counts.put(group, count(group));
		}
		return counts;
	}

	public Count count(String group) {
		var queue = queue(group);
		return new Count(queue.size(), queue.amountOfSequences());
	}

	/**
	 * Retries every waiting sequence of {@code group} once, oldest first: a sequence's
	 * letters are handled in order until one fails again, which then stays with the rest
	 * of its sequence.
	 */
	public Retry retry(String group) {
		var processor = processor(group);
		long sequences = queue(group).amountOfSequences();
		long succeeded = 0;
		for (long i = 0; i < sequences; i++) {
			if (processor.processAny()) {
				succeeded++;
			}
		}
		return new Retry(sequences, succeeded, count(group));
	}

	private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
		return axon.eventProcessingConfiguration()
			.deadLetterQueue(known(group))
			.orElseThrow(() -> new IllegalStateException("No dead-letter queue is configured for " + group));
	}

	private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
		return axon.eventProcessingConfiguration()
			.sequencedDeadLetterProcessor(known(group))
			.orElseThrow(() -> new IllegalStateException("No dead-letter processor is configured for " + group));
	}

	private String known(String group) {
		if (!groups().contains(group)) {
			throw new UnknownGroupException(group);
		}
		return group;
	}

	/**
	 * @param letters events waiting
	 * @param sequences aggregates they belong to
	 */
	public record Count(long letters, long sequences) {
	}

	/**
	 * @param attempted sequences tried
	 * @param succeeded sequences whose letters all went through
	 * @param remaining what still waits
	 */
	public record Retry(long attempted, long succeeded, Count remaining) {
	}

	/** Names a processing group that has no dead-letter queue on this node. */
	public static class UnknownGroupException extends IllegalArgumentException {

		UnknownGroupException(String group) {
			super("No processing group named '" + group + "' has a dead-letter queue");
		}

	}

}
