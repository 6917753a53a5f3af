/**
 * Operators' view and control of the streaming event processors of every node: status and
 * lag, pause, resume and reset. A request becomes an event (so the audit log names who
 * asked), its projection {@code processor_control} is what every node's
 * {@link dev.eventplatform.infrastructure.processor.ProcessorSupervisor} applies.
 */
package dev.eventplatform.infrastructure.processor;
