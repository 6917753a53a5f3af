package dev.eventplatform.infrastructure.security;

import dev.eventplatform.infrastructure.web.Problems;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint but health needs {@code Authorization: Bearer <api-key>}; the key's roles decide
 * which endpoint groups it reaches. Stateless: no session, no cookie, so no CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiKeySecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApiKeySecurityConfiguration.class);

	private static final String BEARER = "Bearer ";

	/** Also keeps Boot from generating a default user with a logged password. */
	@Bean
	ReactiveAuthenticationManager apiKeyAuthenticationManager(SecurityProperties properties) {
		warnAboutDemoKeys(properties);
		return new ApiKeyAuthenticationManager(properties.apiKeys());
	}

	@Bean
	SecurityWebFilterChain apiKeySecurity(ServerHttpSecurity http, ReactiveAuthenticationManager apiKeys,
			JsonMapper jsonMapper) {
		var authentication = new AuthenticationWebFilter(apiKeys);
		authentication.setServerAuthenticationConverter(ApiKeySecurityConfiguration::bearerKey);
		authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
				(exchange, ex) -> writeProblem(exchange, jsonMapper, HttpStatus.UNAUTHORIZED)));

		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((exchange, ex) -> writeProblem(exchange, jsonMapper, HttpStatus.UNAUTHORIZED))
				.accessDeniedHandler((exchange, ex) -> writeProblem(exchange, jsonMapper, HttpStatus.FORBIDDEN)))
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.pathMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
				.pathMatchers(HttpMethod.GET, "/orders", "/orders/**").hasAnyRole(Role.COMMAND.name(), Role.AUDIT.name())
				.pathMatchers("/orders", "/orders/**").hasRole(Role.COMMAND.name())
				.pathMatchers("/audit/**").hasRole(Role.AUDIT.name())
				.pathMatchers("/webhooks", "/webhooks/**").hasAnyRole(Role.SUBSCRIBER.name(), Role.OPERATOR.name())
				.pathMatchers("/events/stream").hasRole(Role.STREAM.name())
				.pathMatchers("/processors", "/processors/**", "/dead-letters/**").hasRole(Role.OPERATOR.name())
				.anyExchange().authenticated())
			.build();
	}

	private static Mono<org.springframework.security.core.Authentication> bearerKey(ServerWebExchange exchange) {
		var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.empty();
		}
		return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated(null, header.substring(BEARER.length()).trim()));
	}

	private static Mono<Void> writeProblem(ServerWebExchange exchange, JsonMapper jsonMapper, HttpStatus status) {
		ProblemDetail problem = status == HttpStatus.UNAUTHORIZED
				? Problems.of(status, "UNAUTHENTICATED", "Authentication required",
						"Send a valid API key as 'Authorization: Bearer <key>'.")
				: Problems.of(status, "FORBIDDEN", "Forbidden", "This API key's roles do not allow this request.");
		problem.setInstance(exchange.getRequest().getURI());
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", problem.getInstance().getPath());
		body.putAll(problem.getProperties());
		var bytes = jsonMapper.writeValueAsBytes(body);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private static void warnAboutDemoKeys(SecurityProperties properties) {
		properties.apiKeys()
			.stream()
			.filter(SecurityProperties.ApiKey::demo)
			.forEach(key -> log.warn("Demo API key '{}' with roles {} is active: its value is public. "
					+ "Configure your own keys (platform.security.api-keys) before exposing this instance.",
					key.name(), key.roles()));
		if (properties.apiKeys().isEmpty()) {
			log.warn("No API keys are configured (platform.security.api-keys): every request will be rejected.");
		}
	}

}
