/**
 * Webhook subscriptions: the event-sourced aggregate, its read model (written in the
 * command's own transaction, so a subscriber reads its change at once) and the signing
 * secrets, which are kept out of the events.
 */
package dev.eventplatform.notification.webhook.subscription;
