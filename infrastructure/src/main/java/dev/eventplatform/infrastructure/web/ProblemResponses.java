package dev.eventplatform.infrastructure.web;

import java.util.LinkedHashMap;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for web filters that answer before any
 * controller (and so before {@link ProblemDetailsAdvice}) is reached; the body has the
 * same members.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, JsonMapper jsonMapper, ProblemDetail problem) {
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		var body = new LinkedHashMap<String, Object>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", exchange.getRequest().getPath().value());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		var bytes = jsonMapper.writeValueAsBytes(body);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

}
