package dev.eventplatform.notification;

import dev.eventplatform.infrastructure.InfrastructureConfiguration;
import dev.eventplatform.infrastructure.security.AccessRules;
import dev.eventplatform.infrastructure.security.Role;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notification side's beans; found by {@link NotificationSideApplication} and
 * imported by the assembly. Webhooks and the event stream live in feature packages below
 * this one.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@EnableScheduling
@Import(InfrastructureConfiguration.class)
public class NotificationSideConfiguration {

	/**
	 * Webhook subscriptions (operators see every one), every subscription's dead letters
	 * (operators), and the event stream with its tokens. A stream token is accepted on
	 * {@code GET /events/stream} alone, as {@code STREAM}
	 * ({@code stream.StreamTokenConfiguration}).
	 */
	@Bean
	@Order(300)
	AccessRules notificationAccess() {
		return exchanges -> exchanges.pathMatchers("/webhooks", "/webhooks/**")
			.hasAnyRole(Role.SUBSCRIBER.name(), Role.OPERATOR.name())
			.pathMatchers("/dead-letters", "/dead-letters/**")
			.hasRole(Role.OPERATOR.name())
			.pathMatchers("/events/stream", "/events/stream/tokens")
			.hasRole(Role.STREAM.name());
	}

}
