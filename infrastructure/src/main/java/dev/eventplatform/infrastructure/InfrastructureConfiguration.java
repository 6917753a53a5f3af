package dev.eventplatform.infrastructure;

import dev.eventplatform.infrastructure.axon.AxonInfrastructureConfiguration;
import dev.eventplatform.infrastructure.deadletter.DeadLetterConfiguration;
import dev.eventplatform.infrastructure.envelope.EventContractsConfiguration;
import dev.eventplatform.infrastructure.eventlog.EventLogConfiguration;
import dev.eventplatform.infrastructure.openapi.OpenApiConfiguration;
import dev.eventplatform.infrastructure.processor.ProcessorConfiguration;
import dev.eventplatform.infrastructure.security.ApiKeySecurityConfiguration;
import dev.eventplatform.infrastructure.web.JsonInputConfiguration;
import dev.eventplatform.infrastructure.web.ProblemDetailsAdvice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.MetaDataAccessException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Import;

/**
 * Everything a side needs beneath its own features; each side's configuration imports
 * this.
 */
@Configuration(proxyBeanMethods = false)
@Import({ AxonInfrastructureConfiguration.class, DeadLetterConfiguration.class, EventContractsConfiguration.class,
		EventLogConfiguration.class, ApiKeySecurityConfiguration.class, JsonInputConfiguration.class,
		OpenApiConfiguration.class, ProblemDetailsAdvice.class, ProcessorConfiguration.class })
public class InfrastructureConfiguration {

	@Bean
	DatabaseKind databaseKind(DataSource dataSource) throws MetaDataAccessException {
		return DatabaseKind.of(dataSource);
	}

}
