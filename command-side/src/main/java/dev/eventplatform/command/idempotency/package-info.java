/** Safe retries: commands sent with an Idempotency-Key are applied at most once. */
package dev.eventplatform.command.idempotency;
