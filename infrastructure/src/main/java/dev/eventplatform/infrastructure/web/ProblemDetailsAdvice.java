package dev.eventplatform.infrastructure.web;

import dev.eventplatform.infrastructure.security.FirewallRejections;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Renders every error as problem+json: a {@link CodedException} or a failed command with
 * its own code, framework errors (malformed JSON, oversized bodies, validation), Axon's
 * conflicts, and anything unexpected.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final Duration retryAfter;

	ProblemDetailsAdvice(@Value("${platform.web.retry-after:5s}") Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@ExceptionHandler(CodedException.class)
	ProblemDetail coded(CodedException ex) {
		return Problems.of(ex.code(), ex.getMessage());
	}

	/**
	 * A command that failed in its handler. Its code travels in the exception's details,
	 * so this works on a distributed command bus too, where the handler's exception type
	 * does not arrive.
	 */
	@ExceptionHandler(CommandExecutionException.class)
	ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
		var details = ex.getDetails();
		if (details.isPresent() && details.get() instanceof ErrorCode code) {
			return ResponseEntity.status(code.status()).body(Problems.of(code, ex.getMessage()));
		}
		if (ex.getCause() instanceof TimeoutException) {
			return retryLater(Problems.of(PlatformErrorCode.COMMAND_TIMEOUT,
					"The command did not complete in time and its outcome is unknown: retry it with the same Idempotency-Key."));
		}
		return unexpected(ex);
	}

	@ExceptionHandler(ConflictingAggregateVersionException.class)
	ProblemDetail preconditionFailed(ConflictingAggregateVersionException ex) {
		return Problems.of(PlatformErrorCode.PRECONDITION_FAILED,
				"The resource is no longer at the version If-Match names: read it again and decide.");
	}

	/** A write conflict that no precondition covers. */
	@ExceptionHandler({ ConcurrencyException.class, ConflictingModificationException.class })
	ProblemDetail conflict(Exception ex) {
		return Problems.of(PlatformErrorCode.VERSION_CONFLICT,
				"The resource was changed concurrently; read it again and retry with its current version.");
	}

	@ExceptionHandler(AggregateStreamCreationException.class)
	ProblemDetail alreadyExists(AggregateStreamCreationException ex) {
		return Problems.of(PlatformErrorCode.ALREADY_EXISTS, "A resource with this id already exists.");
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ProblemDetail notFound(AggregateNotFoundException ex) {
		return Problems.of(PlatformErrorCode.NOT_FOUND,
				"No resource with id '" + ex.getAggregateIdentifier() + "' exists.");
	}

	/**
	 * A header the firewall refuses, first read while resolving a controller argument.
	 */
	@ExceptionHandler(ServerExchangeRejectedException.class)
	ProblemDetail rejected(ServerExchangeRejectedException ex) {
		return FirewallRejections.problem();
	}

	/** Anything else: the database being away is a quick 503, never a 500. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (StoreOutage.causes(ex)) {
			log.warn("The database is unavailable: {}", String.valueOf(ex));
			return retryLater(Problems.of(PlatformErrorCode.STORE_UNAVAILABLE,
					"The database is unavailable; nothing was changed. Retry after a few seconds."));
		}
		log.error("Unhandled error", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(PlatformErrorCode.INTERNAL_ERROR,
					"The request could not be completed; nothing was changed unless the response said so."));
	}

	private ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()))
			.body(problem);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		var problem = Problems.of(PlatformErrorCode.VALIDATION_FAILED,
				"The request has " + ex.getErrorCount() + " invalid field(s).");
		problem.setProperty("errors", ex.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList());
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		var problem = Problems.of(PlatformErrorCode.VALIDATION_FAILED, "The request has invalid parameters.");
		problem.setProperty("errors",
				ex.getParameterValidationResults()
					.stream()
					.flatMap(result -> result.getResolvableErrors()
						.stream()
						.map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
								"message", String.valueOf(error.getDefaultMessage()))))
					.toList());
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		var field = bodyField(ex);
		var detail = field != null ? "The body field '" + field + "' is missing or has an invalid value."
				: Objects.requireNonNullElse(ex.getReason(), "The request could not be read.");
		var problem = Problems.of(PlatformErrorCode.MALFORMED_REQUEST, detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	/**
	 * The path of the body field Jackson failed on, written as in validation errors
	 * ({@code lines[0].quantity}), or {@code null} when the failure is not tied to one
	 * field.
	 */
	private static String bodyField(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				var path = new StringBuilder();
				for (var reference : jackson.getPath()) {
					if (reference.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						path.append('[').append(reference.getIndex()).append(']');
					}
				}
				return path.isEmpty() ? null : path.toString();
			}
		}
		return null;
	}

	/**
	 * Framework problems get the same {@code type} and {@code code} as ours, named after
	 * the status. Every problem is problem+json, also where the endpoint produces another
	 * type: a stream's {@code text/event-stream} writer would otherwise wrap it in an
	 * event.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		var problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (body instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			var resolved = HttpStatus.resolve(status.value());
			var typed = Problems.of(status, resolved == null ? "ERROR" : resolved.name(), problem.getTitle(),
					problem.getDetail());
			typed.setInstance(problem.getInstance());
			return super.createResponseEntity(typed, problemHeaders, status, exchange);
		}
		return super.createResponseEntity(body, problemHeaders, status, exchange);
	}

}
