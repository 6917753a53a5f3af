/**
 * Operators' actions on event processors, event-sourced so that the audit log names who
 * paused, resumed or reset which processor. The package is part of every stored event's
 * type name: moving a class needs an upcaster that renames the stored type.
 */
package dev.eventplatform.events.processor;
