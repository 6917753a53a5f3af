package dev.eventplatform.command.idempotency;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;

/** The key was already used for a different request by the same caller. */
public class IdempotencyKeyReusedException extends CodedException {

	IdempotencyKeyReusedException(String key) {
		super(PlatformErrorCode.IDEMPOTENCY_KEY_REUSED,
				"Idempotency-Key '" + key + "' was already used for a different request.");
	}

}
