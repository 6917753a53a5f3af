/** The webhook API: subscriptions, their deliveries and dead letters. */
package dev.eventplatform.notification.webhook.web;
