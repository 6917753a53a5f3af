/**
 * Webhooks: event-sourced subscriptions, the fan-out of events into delivery rows, and
 * the signed, retried delivery of those rows to subscribers' endpoints.
 */
package dev.eventplatform.notification.webhook;
