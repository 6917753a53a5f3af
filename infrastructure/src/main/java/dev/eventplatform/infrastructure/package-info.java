/** Shared infrastructure of all sides. */
package dev.eventplatform.infrastructure;
