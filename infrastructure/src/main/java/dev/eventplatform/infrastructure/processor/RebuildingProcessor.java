package dev.eventplatform.infrastructure.processor;

/**
 * Declares a processing group that rebuilds a read model from scratch on a reset: only a
 * reset to the tail makes sense for it (any other target would leave out the events
 * before it), so other targets are refused. A side declares one bean per such group.
 */
public record RebuildingProcessor(String processingGroup) {
}
