package dev.eventplatform.infrastructure.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * How one processing group orders its events and meets one it cannot handle. Each side
 * declares a bean per group it owns; a group without one keeps the defaults (per
 * aggregate, stop and retry).
 *
 * @param processingGroup the group's name
 * @param sequencing which events must be handled in order, one after the other
 * @param onError what a failing event does to the group
 */
public record ProcessingGroupPolicy(String processingGroup, SequencingPolicy<? super EventMessage<?>> sequencing,
		OnError onError) {

	/** What happens to an event the group's handlers fail on. */
	public enum OnError {

		/**
		 * The segment stops and retries the event with back-off; nothing after it moves.
		 */
		STOP_AND_RETRY,

		/**
		 * The event waits in the group's dead-letter queue with the later events of its
		 * sequence; the other sequences go on.
		 */
		DEAD_LETTER,

		/**
		 * As {@link #DEAD_LETTER}, and a reset clears the queue: for projections that a
		 * replay rebuilds.
		 */
		DEAD_LETTER_CLEARED_ON_RESET;

		public boolean deadLetters() {
			return this != STOP_AND_RETRY;
		}

	}

	/**
	 * A read model: per aggregate, poison events dead-lettered, letters cleared by a
	 * rebuild.
	 */
	public static ProcessingGroupPolicy projection(String processingGroup) {
		return new ProcessingGroupPolicy(processingGroup, SequentialPerAggregatePolicy.instance(),
				OnError.DEAD_LETTER_CLEARED_ON_RESET);
	}

}
