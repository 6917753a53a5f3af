package dev.eventplatform.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key's outcome is kept and replayed; a retry after that runs
 * again
 */
@ConfigurationProperties("platform.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention) {
}
