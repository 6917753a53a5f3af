package dev.eventplatform.command;

import dev.eventplatform.command.idempotency.IdempotencyProperties;
import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The command side's beans; imported by {@link CommandSideApplication} and by the assembly. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@EnableScheduling
@EnableConfigurationProperties(IdempotencyProperties.class)
@Import(InfrastructureConfiguration.class)
public class CommandSideConfiguration {

}
