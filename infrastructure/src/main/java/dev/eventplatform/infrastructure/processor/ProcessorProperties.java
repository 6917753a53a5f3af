package dev.eventplatform.infrastructure.processor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Processor operations.
 *
 * @param interval how often each node applies the operators' requests and samples its
 * processors' positions
 * @param idleTokenInterval how soon a segment that reads only other segments' events
 * stores its position (Axon's claim extension threshold, 5 s by default there): until it
 * does, the log's last events count as its lag, and a rebuild waits that long for its
 * switch-over
 * @param wakeInterval the least time between two wake-ups of the processors by new
 * events: the longest a new event waits before a processor reads it, and what gathers
 * events into batches under load
 */
@ConfigurationProperties("platform.processors")
public record ProcessorProperties(@DefaultValue("500ms") Duration interval,
		@DefaultValue("1s") Duration idleTokenInterval, @DefaultValue("20ms") Duration wakeInterval) {
}
