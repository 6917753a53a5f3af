package dev.eventplatform.query;

import dev.eventplatform.events.PublishedContracts;
import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The query side's beans; found by {@link QuerySideApplication} and imported by the
 * assembly.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@Import(InfrastructureConfiguration.class)
public class QuerySideConfiguration {

	/** The audit log reads every published event; the catalogue serves them. */
	@Bean
	EventContracts readPublishedEvents() {
		return new EventContracts(PublishedContracts.ALL);
	}

}
