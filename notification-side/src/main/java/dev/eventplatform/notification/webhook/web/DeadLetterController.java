package dev.eventplatform.notification.webhook.web;

import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_PARAMETER;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.MALFORMED_REQUEST;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.VALIDATION_FAILED;

import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.security.Role;
import dev.eventplatform.notification.webhook.delivery.DeliveryLog;
import dev.eventplatform.notification.webhook.delivery.DeliveryLog.Delivery;
import dev.eventplatform.notification.webhook.web.WebhookController.TimeRanges;
import dev.eventplatform.notification.webhook.web.WebhookRequests.DeadLetterRetry;
import dev.eventplatform.notification.webhook.web.WebhookRequests.Queued;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operators' view of every subscription's dead-lettered webhook deliveries. */
@RestController
@RequestMapping("/dead-letters")
@Tag(name = "Webhooks")
@ApiContract(roles = Role.OPERATOR, problems = { MALFORMED_REQUEST, VALIDATION_FAILED, INVALID_PARAMETER })
class DeadLetterController {

	private final DeliveryLog deliveries;

	DeadLetterController(DeliveryLog deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	@Operation(summary = "List the dead-lettered deliveries of every subscription, newest first")
	Mono<List<Delivery>> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return WebhookController.blocking(() -> deliveries.list(null, "dead", limit));
	}

	@PostMapping("/retry")
	@Operation(summary = "Send dead letters again: of one subscription or all, of a time range or all")
	Mono<Queued> retry(@RequestBody(required = false) DeadLetterRetry retry) {
		var from = retry == null ? null : TimeRanges.instant("from", retry.from());
		var to = retry == null ? null : TimeRanges.instant("to", retry.to());
		var subscription = retry == null ? null : retry.subscriptionId();
		return WebhookController.blocking(() -> new Queued(deliveries.retryDeadLetters(subscription, from, to)));
	}

}
