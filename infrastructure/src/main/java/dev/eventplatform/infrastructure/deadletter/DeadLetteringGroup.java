package dev.eventplatform.infrastructure.deadletter;

/**
 * Declares, as a bean, that a processing group meets an event it cannot handle with a dead-letter
 * queue in the database, sequenced per aggregate: the event and every later event of its aggregate
 * wait there, while the other aggregates keep flowing.
 *
 * @param processingGroup the group's name
 * @param clearOnReset whether resetting the processor also clears its letters: true for
 * projections, which a replay rebuilds from scratch
 */
public record DeadLetteringGroup(String processingGroup, boolean clearOnReset) {

}
