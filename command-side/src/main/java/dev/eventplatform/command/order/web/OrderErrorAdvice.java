package dev.eventplatform.command.order.web;

import dev.eventplatform.command.idempotency.IdempotencyKeyReusedException;
import dev.eventplatform.command.order.OrderErrorCode;
import dev.eventplatform.command.order.OrderRuleViolation;
import dev.eventplatform.infrastructure.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem bodies for the order rules and command headers; the rest is the infrastructure's. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderErrorAdvice {

	@ExceptionHandler(OrderRuleViolation.class)
	ProblemDetail ruleViolated(OrderRuleViolation ex) {
		return Problems.of(statusOf(ex.code()), ex.code().name(), ex.code().title(), ex.getMessage());
	}

	@ExceptionHandler(InvalidCommandHeaderException.class)
	ProblemDetail invalidHeader(InvalidCommandHeaderException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, ex.code(), "Invalid request header", ex.getMessage());
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ProblemDetail keyReused(IdempotencyKeyReusedException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
				ex.getMessage());
	}

	/** Invalid input is 422; a command the order's current state does not allow is 409. */
	private static HttpStatus statusOf(OrderErrorCode code) {
		return switch (code) {
			case INVALID_ORDER, PAYMENT_AMOUNT_MISMATCH, PAYMENT_CURRENCY_MISMATCH -> HttpStatus.UNPROCESSABLE_CONTENT;
			case ORDER_ALREADY_PAID, ORDER_NOT_PAID, ORDER_ALREADY_SHIPPED, ORDER_NOT_SHIPPED, ORDER_CLOSED ->
				HttpStatus.CONFLICT;
		};
	}

}
