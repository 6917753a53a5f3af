package dev.eventplatform.infrastructure.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The roles that reach one side's (or feature's) endpoints. Each side declares its own as
 * a bean; the security chain applies them in bean order (the first matching rule
 * decides), then requires any valid key for everything else.
 */
@FunctionalInterface
public interface AccessRules {

	void apply(AuthorizeExchangeSpec exchanges);

	/**
	 * GET and HEAD: HEAD is GET without the body, so it is authorised exactly like GET.
	 */
	static ServerWebExchangeMatcher reads(String... paths) {
		return new OrServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, paths),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, paths));
	}

}
