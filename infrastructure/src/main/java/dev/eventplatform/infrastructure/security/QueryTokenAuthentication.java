package dev.eventplatform.infrastructure.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * A short-lived token in the {@code access_token} query parameter, for the one kind of
 * request a browser cannot add a header to: an {@code EventSource}. A feature declares
 * one as a bean for its own requests; the security chain reads the parameter on those
 * requests only, so a token in any other URL is no credential at all. Never a key: a URL
 * ends up in logs and browser history.
 */
public interface QueryTokenAuthentication {

	/** The query parameter, named as in RFC 6750, section 2.3. */
	String PARAMETER = "access_token";

	/** The requests that may carry a token instead of {@code Authorization}. */
	ServerWebExchangeMatcher requests();

	/**
	 * The token's holder with the authorities it grants on {@link #requests()}, or an
	 * error: any {@code AuthenticationException} is answered 401, with its message as the
	 * problem's detail, so the message must name no secret.
	 */
	Mono<Authentication> authenticate(String token);

}
