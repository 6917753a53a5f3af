package dev.eventplatform.infrastructure.processor;

/**
 * Work that follows the processors' progress, run by each node's
 * {@link ProcessorSupervisor} after each tick: a read model switching to the tables it
 * rebuilt once the replay is over, say. Every node runs it, so it must be idempotent and
 * safe against the other nodes.
 */
@FunctionalInterface
public interface ProcessorWatch {

	/** Blocking; a failure is logged and the watch runs again at the next tick. */
	void afterTick();

}
