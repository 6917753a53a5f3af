package dev.eventplatform.infrastructure.projection;

/**
 * A read model cannot apply an event, for a reason retrying will not change (for example
 * the row it updates does not exist). {@link BatchedWrites} treats it like a row the
 * database refuses.
 */
public class EventNotApplicableException extends RuntimeException {

	public EventNotApplicableException(String message) {
		super(message);
	}

}
