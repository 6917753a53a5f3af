package dev.eventplatform.query;

import dev.eventplatform.events.order.OrderEventContracts;
import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import dev.eventplatform.infrastructure.security.AccessRules;
import dev.eventplatform.infrastructure.security.Role;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The query side's beans; found by {@link QuerySideApplication} and imported by the assembly. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@EnableJdbcRepositories
@Import(InfrastructureConfiguration.class)
public class QuerySideConfiguration {

	/** The orders read model and the audit log read these; the catalogue serves them. */
	@Bean
	EventContracts readOrderEvents() {
		return new EventContracts(OrderEventContracts.ALL);
	}

	/** Reading orders and the audit log; the catalogue needs any valid key. */
	@Bean
	@Order(100)
	AccessRules readAccess() {
		return exchanges -> exchanges.matchers(AccessRules.reads("/orders", "/orders/**"))
			.hasAnyRole(Role.COMMAND.name(), Role.AUDIT.name())
			.pathMatchers("/audit/**")
			.hasRole(Role.AUDIT.name());
	}

}
