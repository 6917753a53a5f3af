package dev.eventplatform.notification;

import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The notification side's beans; found by {@link NotificationSideApplication} and imported by the
 * assembly. Webhooks and the SSE hub will live in feature packages below this one.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@Import(InfrastructureConfiguration.class)
public class NotificationSideConfiguration {

}
