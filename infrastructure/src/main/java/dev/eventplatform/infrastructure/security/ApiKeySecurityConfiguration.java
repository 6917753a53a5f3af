package dev.eventplatform.infrastructure.security;

import dev.eventplatform.infrastructure.web.ProblemResponses;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint but health needs {@code Authorization: Bearer <api-key>}; the key's
 * roles decide which endpoint groups it reaches. Stateless: no session, no cookie, so no
 * CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiKeySecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApiKeySecurityConfiguration.class);

	private static final String BEARER = "Bearer ";

	private static final String[] HEALTH = { "/actuator/health", "/actuator/health/**" };

	private static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml" };

	private static final String[] SWAGGER_UI = { "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * For {@link PublicPages}: scripts, styles, images and connections (fetch,
	 * EventSource) from this origin only, no inline script, no plugins, no framing.
	 */
	static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	/** Also keeps Boot from generating a default user with a logged password. */
	@Bean
	ReactiveAuthenticationManager apiKeyAuthenticationManager(SecurityProperties properties) {
		warnAboutDemoKeys(properties);
		return new ApiKeyAuthenticationManager(properties.apiKeys());
	}

	/**
	 * Health is answered before any credential is looked at, so a probe that happens to
	 * send a wrong key (or two) still gets its answer.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain healthSecurity(ServerHttpSecurity http) {
		return stateless(http).securityMatcher(ServerWebExchangeMatchers.pathMatchers(HEALTH))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.build();
	}

	/**
	 * The OpenAPI description and Swagger UI hold no data, so they are open like health
	 * while springdoc serves them; turned off, their paths fall to the API-key rules like
	 * any other.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
	SecurityWebFilterChain apiDocsSecurity(ServerHttpSecurity http,
			@Value("${springdoc.swagger-ui.enabled:true}") boolean swaggerUi) {
		var paths = swaggerUi ? Stream.concat(Stream.of(API_DOCS), Stream.of(SWAGGER_UI)).toArray(String[]::new)
				: API_DOCS;
		return stateless(http).securityMatcher(ServerWebExchangeMatchers.pathMatchers(paths))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.build();
	}

	/**
	 * The static pages that features declare as {@link PublicPages}: open to {@code GET}
	 * and {@code HEAD} without reading credentials, like health, and served with
	 * {@link #PAGE_POLICY}. Other methods on those paths fall to the API-key rules.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityWebFilterChain publicPagesSecurity(ServerHttpSecurity http, ObjectProvider<PublicPages> pages) {
		var paths = pages.orderedStream().flatMap(page -> page.paths().stream()).toArray(String[]::new);
		ServerWebExchangeMatcher matcher = paths.length == 0 ? exchange -> MatchResult.notMatch()
				: AccessRules.reads(paths);
		return stateless(http).securityMatcher(matcher)
			.headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(PAGE_POLICY)))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityWebFilterChain apiKeySecurity(ServerHttpSecurity http, ReactiveAuthenticationManager apiKeys,
			JsonMapper jsonMapper, ObjectProvider<AccessRules> rules,
			ObjectProvider<QueryTokenAuthentication> queryTokens) {
		var tokens = queryTokens.orderedStream().toList();
		ReactiveAuthenticationManager keysOrTokens = presented -> presented instanceof QueryToken token
				? token.authenticate() : apiKeys.authenticate(presented);
		var authentication = new AuthenticationWebFilter(keysOrTokens);
		authentication.setServerAuthenticationConverter(exchange -> credentials(exchange, tokens));
		authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
				(exchange, ex) -> ex instanceof QueryTokenRejected rejected
						? unauthenticated(exchange, jsonMapper, rejected.getMessage())
						: unauthenticated(exchange, jsonMapper)));

		return stateless(http)
			.addFilterBefore(new SingleValueHeaderFilter(jsonMapper), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((exchange, ex) -> unauthenticated(exchange, jsonMapper))
				.accessDeniedHandler((exchange, ex) -> ProblemResponses.write(exchange, jsonMapper,
						Problems.of(PlatformErrorCode.FORBIDDEN, "This API key's roles do not allow this request."))))
			.authorizeExchange(exchanges -> {
				rules.orderedStream().forEach(rule -> rule.apply(exchanges));
				exchanges.anyExchange().authenticated();
			})
			.build();
	}

	/**
	 * What every node serves: actuator endpoints, and the operators' processor and
	 * dead-letter API, whatever sides it runs.
	 */
	@Bean
	@Order(0)
	AccessRules operatorAccess() {
		return exchanges -> exchanges.pathMatchers("/actuator/**", "/processors", "/processors/**", "/dead-letters/**")
			.hasRole(Role.OPERATOR.name());
	}

	/**
	 * Renders the firewall's rejections as problems; Spring Security picks up the one
	 * bean of this type.
	 */
	@Bean
	FirewallRejections firewallRejections(JsonMapper jsonMapper) {
		return new FirewallRejections(jsonMapper);
	}

	/** No session, no cookie, so no CSRF surface; no login forms either. */
	private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}

	/**
	 * The API key from {@code Authorization}, or, on the requests a
	 * {@link QueryTokenAuthentication} names and only there, its token from
	 * {@code access_token}. Both at once, or two tokens, leave it unclear who is asking,
	 * so they are refused, like two {@code Authorization} lines.
	 */
	private static Mono<Authentication> credentials(ServerWebExchange exchange, List<QueryTokenAuthentication> tokens) {
		var values = exchange.getRequest().getQueryParams().get(QueryTokenAuthentication.PARAMETER);
		if (values == null || tokens.isEmpty()) {
			return bearerKey(exchange);
		}
		return Flux.fromIterable(tokens)
			.filterWhen(candidate -> candidate.requests().matches(exchange).map(MatchResult::isMatch))
			.next()
			.<Authentication>flatMap(authenticator -> {
				if (values.size() > 1 || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
					return Mono.error(new QueryTokenRejected("Send either 'Authorization: Bearer <key>' or one "
							+ QueryTokenAuthentication.PARAMETER + ", not both."));
				}
				return Mono.just(new QueryToken(authenticator, values.get(0)));
			})
			.switchIfEmpty(Mono.defer(() -> bearerKey(exchange)));
	}

	private static Mono<Authentication> bearerKey(ServerWebExchange exchange) {
		var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.empty();
		}
		return Mono
			.just(UsernamePasswordAuthenticationToken.unauthenticated(null, header.substring(BEARER.length()).trim()));
	}

	private static Mono<Void> unauthenticated(ServerWebExchange exchange, JsonMapper jsonMapper) {
		return unauthenticated(exchange, jsonMapper, "Send a valid API key as 'Authorization: Bearer <key>'.");
	}

	private static Mono<Void> unauthenticated(ServerWebExchange exchange, JsonMapper jsonMapper, String detail) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return ProblemResponses.write(exchange, jsonMapper, Problems.of(PlatformErrorCode.UNAUTHENTICATED, detail));
	}

	private static void warnAboutDemoKeys(SecurityProperties properties) {
		properties.apiKeys()
			.stream()
			.filter(SecurityProperties.ApiKey::demo)
			.forEach(key -> log.warn(
					"Demo API key '{}' with roles {} is active: its value is public. "
							+ "Configure your own keys (platform.security.api-keys) before exposing this instance.",
					key.name(), key.roles()));
		if (properties.apiKeys().isEmpty()) {
			log.warn("No API keys are configured (platform.security.api-keys): every request will be rejected.");
		}
	}

	/** A token from the query, still to be checked by the feature that accepts it. */
	private static final class QueryToken extends AbstractAuthenticationToken {

		private final transient QueryTokenAuthentication authenticator;

		private final String token;

		QueryToken(QueryTokenAuthentication authenticator, String token) {
			super(List.of());
			this.authenticator = authenticator;
			this.token = token;
		}

		Mono<Authentication> authenticate() {
			return authenticator.authenticate(token)
				.onErrorMap(AuthenticationException.class,
						ex -> ex instanceof QueryTokenRejected ? ex : new QueryTokenRejected(ex.getMessage()));
		}

		@Override
		public Object getCredentials() {
			return token;
		}

		@Override
		public Object getPrincipal() {
			return null;
		}

		@Override
		public String toString() {
			return "QueryToken";
		}

	}

	/** A refused query token; its message is the problem's detail. */
	private static final class QueryTokenRejected extends AuthenticationException {

		QueryTokenRejected(String message) {
			super(message);
		}

	}

}
