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
 * @param maxReplayEvents a resume from further back than this many positions before the
 * head is not replayed: the client gets the {@code position-too-old} event instead
 * @param maxReplayAge nor is one whose next event is older than this
 * @param maxLifetime a stream is closed (reason {@code lifetime}) after about this long,
 * varied by up to a tenth so that reconnects spread; the client resumes by id
 * @param tokenTtl how long a stream token ({@code POST /events/stream/tokens}) opens
 * streams: only opening is checked, so an open stream outlives its token, and a reconnect
 * after it needs a new one. The signing secret is {@code platform.stream.token-secret},
 * read by {@link StreamTokenConfiguration} and kept out of this record.
 */
@ConfigurationProperties("platform.stream")
record StreamProperties(@DefaultValue("15s") Duration keepalive, @DefaultValue("2s") Duration retry,
		@DefaultValue("3s") Duration retryJitter, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("500") int pageSize, @DefaultValue("8192") int bufferSize,
		@DefaultValue("10000") int maxConnections, @DefaultValue("100") int maxConnectionsPerKey,
		@DefaultValue("1000000") long maxReplayEvents, @DefaultValue("7d") Duration maxReplayAge,
		@DefaultValue("1h") Duration maxLifetime, @DefaultValue("60s") Duration tokenTtl) {
}
