/**
 * Published event contracts shared by every side and by external consumers: the envelope,
 * the catalogue metadata and, in sub-packages per domain, the event records. Nothing here
 * may depend on Spring or on Axon infrastructure (only Axon's {@code @Revision}
 * annotation).
 */
package dev.eventplatform.events;
