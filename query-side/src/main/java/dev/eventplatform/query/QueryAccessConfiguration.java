package dev.eventplatform.query;

import dev.eventplatform.infrastructure.security.AccessRules;
import dev.eventplatform.infrastructure.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Who reads the query side; a configuration of its own so that web slice tests can import
 * it.
 */
@Configuration(proxyBeanMethods = false)
public class QueryAccessConfiguration {

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
