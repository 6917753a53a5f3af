package dev.eventplatform.query;

import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The query side's beans; found by {@link QuerySideApplication} and imported by the assembly. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@EnableJdbcRepositories
@Import(InfrastructureConfiguration.class)
public class QuerySideConfiguration {

}
