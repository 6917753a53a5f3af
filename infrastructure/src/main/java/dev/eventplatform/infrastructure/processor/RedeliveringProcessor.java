package dev.eventplatform.infrastructure.processor;

/**
 * Declares a processing group whose handling sends to the outside world, so that a reset
 * of it sends again: it is refused unless the operator confirms with
 * {@code "redeliver": true}. A side declares one bean per such group.
 */
public record RedeliveringProcessor(String processingGroup) {
}
