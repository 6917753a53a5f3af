/** The catalogue of published event types with their generated JSON Schemas. */
package dev.eventplatform.infrastructure.catalogue;
