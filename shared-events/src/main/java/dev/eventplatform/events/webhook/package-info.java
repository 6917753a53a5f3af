/**
 * Events of webhook subscriptions: they are event-sourced, so that their history is in
 * the audit log. The package is part of every stored event's type name: moving a class
 * needs an upcaster that renames the stored type. Secrets are never in these events.
 */
package dev.eventplatform.events.webhook;
