package dev.eventplatform.infrastructure.axon;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * The embedded event store without the snapshot lookup that precedes every aggregate
 * load. No aggregate here is snapshotted (they live for a handful of events), so that
 * query would always come back empty: skipping it saves one database round trip per
 * command. Configure a snapshotter only together with removing this class.
 */
class SnapshotlessEventStore extends EmbeddedEventStore {

	SnapshotlessEventStore(Builder builder) {
		super(builder);
	}

	@Override
	public DomainEventStream readEvents(String aggregateIdentifier) {
		return readEvents(aggregateIdentifier, 0);
	}

}
