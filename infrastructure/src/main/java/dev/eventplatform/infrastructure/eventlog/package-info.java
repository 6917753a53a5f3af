/**
 * The one reader of the event log that every side shares (audit, SSE catch-up, webhook
 * replay): events after a position, filtered, as published envelopes, never past the
 * committed horizon.
 */
package dev.eventplatform.infrastructure.eventlog;
