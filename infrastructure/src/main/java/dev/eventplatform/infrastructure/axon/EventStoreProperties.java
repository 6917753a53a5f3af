package dev.eventplatform.infrastructure.axon;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the JDBC event store and token store.
 *
 * @param gapTimeout how long a missing global index is waited for before it is taken as a
 * rolled back insert; a transaction committing later than this could be skipped by
 * processors, so command transactions must stay far shorter
 * @param batchSize events read per query, for aggregate sourcing and streaming
 * @param fetchDelay how often the store polls for events appended by other nodes
 * @param claimTimeout after how long without a heartbeat another node may take a segment
 * @param nodeId this node's name as owner of processor segments; empty means the JVM's
 * {@code pid@host}, which must differ between nodes sharing a database
 */
@ConfigurationProperties("platform.event-store")
public record EventStoreProperties(@DefaultValue("60s") Duration gapTimeout, @DefaultValue("100") int batchSize,
		@DefaultValue("1s") Duration fetchDelay, @DefaultValue("10s") Duration claimTimeout,
		@DefaultValue("") String nodeId) {

	/** The node id the token store records as the owner of its claims. */
	public String node() {
		return nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
	}

}
