package dev.eventplatform.notification.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keepalive a {@code :keepalive} comment goes out after this long without anything
 * sent
 * @param retry the reconnection delay hinted to clients with {@code retry:}
 * @param retryJitter up to this much is added to {@link #retry}, per connection, to
 * spread reconnects
 * @param pollInterval how often the node's one poller looks for new events
 * @param pageSize most events read at once, by the poller and by each connection catching
 * up
 * @param bufferSize live events a connection may hold unsent (rounded up to a power of
 * two); beyond, it is closed as a slow consumer
 * @param maxConnections open streams per node
 * @param maxConnectionsPerKey open streams per API key on one node
 */
@ConfigurationProperties("platform.stream")
record StreamProperties(@DefaultValue("15s") Duration keepalive, @DefaultValue("2s") Duration retry,
		@DefaultValue("3s") Duration retryJitter, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("500") int pageSize, @DefaultValue("8192") int bufferSize,
		@DefaultValue("10000") int maxConnections, @DefaultValue("100") int maxConnectionsPerKey) {
}
