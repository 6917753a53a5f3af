package dev.eventplatform.infrastructure.security;

import dev.eventplatform.infrastructure.web.ProblemResponses;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers what Spring Security's firewall refuses: a path with encoded slashes or
 * semicolons, a header value with control characters (UTF-8 read as ISO-8859-1 produces
 * them, as in {@code cl€}). The firewall checks a header when it is first read: in a
 * security filter the rejection arrives here, in a controller argument at
 * {@code ProblemDetailsAdvice}; both answer {@link #problem()}.
 */
public final class FirewallRejections implements ServerExchangeRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

	private final JsonMapper jsonMapper;

	FirewallRejections(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public static ProblemDetail problem() {
		return Problems.of(PlatformErrorCode.REQUEST_REJECTED,
				"The path, a parameter or a header value has characters that are not accepted; "
						+ "send header values as visible ASCII.");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		log.debug("Rejected {}: {}", exchange.getRequest().getPath(), ex.getMessage());
		return ProblemResponses.write(exchange, jsonMapper, problem());
	}

}
