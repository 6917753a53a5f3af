/** Notification side: webhooks and the Server-Sent Events stream. */
package dev.eventplatform.notification;
