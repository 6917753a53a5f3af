package dev.eventplatform.command.idempotency;

/**
 * What a successful command answered: enough to answer a retry identically.
 *
 * @param status the HTTP status of the first answer
 * @param resourceId the id of the resource the command changed or created
 * @param version the resource's version after the command
 */
public record CommandOutcome(int status, String resourceId, long version) {
}
