/**
 * Explicit Axon wiring over the shared DataSource: event store, token store, serializers,
 * processors.
 */
package dev.eventplatform.infrastructure.axon;
