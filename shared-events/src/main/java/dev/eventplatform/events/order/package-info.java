/**
 * Events of the order lifecycle. The package is part of every stored event's type name:
 * moving a class needs an upcaster that renames the stored type.
 */
package dev.eventplatform.events.order;
