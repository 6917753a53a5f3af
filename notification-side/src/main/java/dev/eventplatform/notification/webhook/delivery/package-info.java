/**
 * Webhook deliveries: the fan-out processor writes a row per event and subscription in
 * its token's transaction; each node's dispatcher claims due rows, sends them signed and
 * records every attempt, retrying on a persisted schedule and dead-lettering what
 * exhausts it.
 */
package dev.eventplatform.notification.webhook.delivery;
