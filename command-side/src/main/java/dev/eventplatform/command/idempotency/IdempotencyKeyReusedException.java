package dev.eventplatform.command.idempotency;

/** The key was already used for a different request by the same caller. */
public class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException(String key) {
		super("Idempotency-Key '" + key + "' was already used for a different request.");
	}

}
