package dev.eventplatform.infrastructure.processor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Processor operations.
 *
 * @param interval how often each node applies the operators' requests and samples its
 * processors' positions
 */
@ConfigurationProperties("platform.processors")
public record ProcessorProperties(@DefaultValue("500ms") Duration interval) {
}
