package dev.eventplatform.query;

import dev.eventplatform.events.order.OrderEventContracts;
import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * The query side's beans; found by {@link QuerySideApplication} and imported by the
 * assembly.
 */
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

}
