/**
 * Dead-letter queues per processing group: a poison event is set aside, with the later
 * events of its sequence, so that one bad event never stops the others; it stays visible
 * (log, metric, health) and can be retried once its cause is fixed.
 */
package dev.eventplatform.infrastructure.deadletter;
