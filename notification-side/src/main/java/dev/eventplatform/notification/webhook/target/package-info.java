/**
 * Where webhooks may be sent: the syntax of target URLs and the refusal of targets inside
 * the platform's own network (SSRF), once when a URL is given and again on the address
 * each delivery connects to.
 */
package dev.eventplatform.notification.webhook.target;
