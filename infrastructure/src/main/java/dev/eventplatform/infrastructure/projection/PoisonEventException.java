package dev.eventplatform.infrastructure.projection;

/**
 * Thrown from an event handler for an event that an earlier attempt of its batch found it
 * cannot apply, so that the processing group's dead-letter queue takes it (and the later
 * events of its sequence) while the other events of the batch go through.
 */
public class PoisonEventException extends RuntimeException {

	PoisonEventException(String eventId, RuntimeException cause) {
		super("Event " + eventId + " cannot be applied: " + cause, cause);
	}

}
