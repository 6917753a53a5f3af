package dev.eventplatform.command;

import dev.eventplatform.command.idempotency.IdempotencyProperties;
import dev.eventplatform.events.order.OrderEventContracts;
import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import dev.eventplatform.infrastructure.security.AccessRules;
import dev.eventplatform.infrastructure.security.Role;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The command side's beans; imported by {@link CommandSideApplication} and by the
 * assembly.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@EnableScheduling
@EnableConfigurationProperties(IdempotencyProperties.class)
@Import(InfrastructureConfiguration.class)
public class CommandSideConfiguration {

	/** The order aggregate publishes these. */
	@Bean
	EventContracts publishedOrderEvents() {
		return new EventContracts(OrderEventContracts.ALL);
	}

	/** Order commands; reading orders is the query side's rule, which comes first. */
	@Bean
	@Order(200)
	AccessRules orderCommandAccess() {
		return exchanges -> exchanges.pathMatchers("/orders", "/orders/**").hasRole(Role.COMMAND.name());
	}

}
