/** Helpers for projections: batched read-model writes that single out a poison event. */
package dev.eventplatform.infrastructure.projection;
