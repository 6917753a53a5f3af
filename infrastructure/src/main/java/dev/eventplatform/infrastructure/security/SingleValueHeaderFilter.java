package dev.eventplatform.infrastructure.security;

import dev.eventplatform.infrastructure.web.ProblemResponses;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request that repeats a header meant to carry one value, instead of letting
 * the first one win: with two credentials it is unclear who is asking, with two
 * idempotency keys which retry is meant. A comma counts as a repetition in
 * {@code Idempotency-Key}, because intermediaries may join repeated lines with commas
 * (RFC 9110, section 5.3), so {@code a1,a2} may be two keys. {@code Authorization} may
 * hold commas in its parameters, so there only lines are counted.
 */
final class SingleValueHeaderFilter implements WebFilter {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final List<String> SINGLE_VALUED = List.of(HttpHeaders.AUTHORIZATION, IDEMPOTENCY_KEY);

	private final JsonMapper jsonMapper;

	SingleValueHeaderFilter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var headers = exchange.getRequest().getHeaders();
		for (var name : SINGLE_VALUED) {
			if (repeated(name, headers.getOrEmpty(name))) {
				return ProblemResponses.write(exchange, jsonMapper,
						Problems.of(PlatformErrorCode.DUPLICATE_HEADER, "Send " + name + " once, with one value."));
			}
		}
		return chain.filter(exchange);
	}

	private static boolean repeated(String name, List<String> lines) {
		return lines.size() > 1 || (name.equals(IDEMPOTENCY_KEY) && !lines.isEmpty() && lines.get(0).contains(","));
	}

}
