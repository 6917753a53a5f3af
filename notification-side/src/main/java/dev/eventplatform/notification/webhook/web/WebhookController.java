package dev.eventplatform.notification.webhook.web;

import static dev.eventplatform.infrastructure.openapi.ApiProblem.CONTENT_TOO_LARGE;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.FORBIDDEN_WEBHOOK_TARGET;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_PARAMETER;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_WEBHOOK_URL;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.MALFORMED_REQUEST;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.NOT_A_DEAD_LETTER;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.NOT_FOUND;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.REPLAY_TOO_LARGE;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.SUBSCRIPTION_DELETED;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.UNKNOWN_EVENT_TYPE_FILTER;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.UNSUPPORTED_EVENT_VERSION;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.UNSUPPORTED_MEDIA_TYPE;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.VALIDATION_FAILED;

import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.security.Role;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.notification.webhook.delivery.DeliveryLog;
import dev.eventplatform.notification.webhook.delivery.DeliveryLog.Delivery;
import dev.eventplatform.notification.webhook.delivery.DeliveryLog.DeliveryDetail;
import dev.eventplatform.notification.webhook.subscription.Caller;
import dev.eventplatform.notification.webhook.subscription.SubscriptionService;
import dev.eventplatform.notification.webhook.subscription.Subscriptions;
import dev.eventplatform.notification.webhook.web.WebhookRequests.CreateWebhookRequest;
import dev.eventplatform.notification.webhook.web.WebhookRequests.CreatedWebhook;
import dev.eventplatform.notification.webhook.web.WebhookRequests.Queued;
import dev.eventplatform.notification.webhook.web.WebhookRequests.RotatedSecret;
import dev.eventplatform.notification.webhook.web.WebhookRequests.TimeRange;
import dev.eventplatform.notification.webhook.web.WebhookRequests.UpdateWebhookRequest;
import dev.eventplatform.notification.webhook.web.WebhookRequests.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Webhook subscriptions and their deliveries. A subscriber's key sees only the
 * subscriptions it created (another's answer 404, as if they did not exist); an
 * operator's sees all.
 */
@RestController
@RequestMapping("/webhooks")
@Tag(name = "Webhooks", description = "Signed deliveries of events to subscribers' endpoints: docs/api/webhooks.md")
@ApiContract(roles = { Role.SUBSCRIBER, Role.OPERATOR },
		problems = { NOT_FOUND, MALFORMED_REQUEST, VALIDATION_FAILED, CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE })
class WebhookController {

	private final SubscriptionService service;

	private final Subscriptions subscriptions;

	private final DeliveryLog deliveries;

	private final Clock clock;

	WebhookController(SubscriptionService service, Subscriptions subscriptions, DeliveryLog deliveries, Clock clock) {
		this.service = service;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@PostMapping
	@Operation(summary = "Subscribe an endpoint to event types; the answer holds the signing secret, shown only once")
	@ApiContract(problems = { INVALID_WEBHOOK_URL, FORBIDDEN_WEBHOOK_TARGET, UNKNOWN_EVENT_TYPE_FILTER,
			UNSUPPORTED_EVENT_VERSION })
	Mono<ResponseEntity<CreatedWebhook>> create(@Valid @RequestBody CreateWebhookRequest request,
			Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> {
			var created = service.create(caller, request.url(), request.eventTypes(), request.version(),
					request.format(), request.description());
			var s = created.subscription();
			return ResponseEntity.created(URI.create("/webhooks/" + s.id()))
				.body(new CreatedWebhook(s.id(), s.owner(), s.url(), s.eventTypes(), s.version(), s.format(),
						s.description(), s.enabled(), s.createdAt(), created.secret()));
		});
	}

	@GetMapping
	@Operation(summary = "List the caller's subscriptions (an operator's: all), oldest first")
	Mono<List<Webhook>> list(Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> subscriptions.list(caller).stream().map(Webhook::of).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a subscription")
	Mono<Webhook> get(@PathVariable String id, Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> Webhook.of(subscriptions.visibleTo(caller, id)));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change the URL, the types, the description, or enable and disable",
			description = "`enabled: true` with `replayMissed: true` also delivers the matching events of the time "
					+ "the subscription was disabled.")
	@ApiContract(problems = { INVALID_WEBHOOK_URL, FORBIDDEN_WEBHOOK_TARGET, UNKNOWN_EVENT_TYPE_FILTER,
			UNSUPPORTED_EVENT_VERSION, SUBSCRIPTION_DELETED, REPLAY_TOO_LARGE })
	Mono<Webhook> update(@PathVariable String id, @Valid @RequestBody UpdateWebhookRequest request,
			Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> {
			var before = subscriptions.visibleTo(caller, id);
			var after = service.update(caller, id, request.url(), request.eventTypes(), request.description(),
					request.enabled());
			if (Boolean.TRUE.equals(request.replayMissed()) && !before.enabled() && after.enabled()) {
				deliveries.replay(after, before.disabledAt(), after.updatedAt());
			}
			return Webhook.of(after);
		});
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a subscription: nothing more is delivered; its history stays in the audit log")
	@ApiContract(problems = SUBSCRIPTION_DELETED)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> {
			service.delete(caller, id);
			return ResponseEntity.noContent().build();
		});
	}

	@PostMapping("/{id}/secret/rotate")
	@Operation(summary = "Issue a new signing secret; the previous one keeps signing too for the overlap")
	@ApiContract(problems = SUBSCRIPTION_DELETED)
	Mono<RotatedSecret> rotate(@PathVariable String id, Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> {
			var rotated = service.rotateSecret(caller, id);
			return new RotatedSecret(rotated.secret(), rotated.previousSecretExpiresAt());
		});
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "List a subscription's deliveries, newest first")
	@ApiContract(problems = INVALID_PARAMETER)
	Mono<List<Delivery>> deliveries(@PathVariable String id, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> deliveries.list(subscriptions.visibleTo(caller, id).id(), status, limit));
	}

	@GetMapping("/{id}/deliveries/{deliveryId}")
	@Operation(summary = "Read a delivery with its body and every attempt")
	Mono<DeliveryDetail> delivery(@PathVariable String id, @PathVariable String deliveryId,
			Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> deliveries.find(subscriptions.visibleTo(caller, id).id(), deliveryId)
			.orElseThrow(() -> new CodedException(PlatformErrorCode.NOT_FOUND, "No delivery " + deliveryId + ".")));
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	@Operation(summary = "Send a dead letter again, with its webhook-id and a fresh retry schedule")
	@ApiContract(problems = NOT_A_DEAD_LETTER)
	Mono<Delivery> retry(@PathVariable String id, @PathVariable String deliveryId, Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> deliveries.retry(subscriptions.visibleTo(caller, id).id(), deliveryId));
	}

	@GetMapping("/{id}/dead-letters")
	@Operation(summary = "List a subscription's dead letters, newest first")
	Mono<List<Delivery>> deadLetters(@PathVariable String id,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Authentication authentication) {
		var caller = Caller.of(authentication);
		return blocking(() -> deliveries.list(subscriptions.visibleTo(caller, id).id(), "dead", limit));
	}

	@PostMapping("/{id}/dead-letters/retry")
	@Operation(summary = "Send a subscription's dead letters again, those of a time range or all")
	@ApiContract(problems = INVALID_PARAMETER)
	Mono<Queued> retryDeadLetters(@PathVariable String id, @RequestBody(required = false) @Valid TimeRangeOrAll range,
			Authentication authentication) {
		var caller = Caller.of(authentication);
		var from = range == null ? null : TimeRanges.instant("from", range.from());
		var to = range == null ? null : TimeRanges.instant("to", range.to());
		return blocking(
				() -> new Queued(deliveries.retryDeadLetters(subscriptions.visibleTo(caller, id).id(), from, to)));
	}

	@PostMapping("/{id}/replay")
	@Operation(summary = "Deliver again the subscription's matching events of a time range, read from the event store",
			description = "Events keep their webhook-id, so receivers that de-duplicate will drop those they have.")
	@ApiContract(problems = { INVALID_PARAMETER, REPLAY_TOO_LARGE })
	Mono<Queued> replay(@PathVariable String id, @Valid @RequestBody TimeRange range, Authentication authentication) {
		var caller = Caller.of(authentication);
		var from = TimeRanges.instant("from", range.from());
		var to = TimeRanges.instant("to", range.to() == null ? clock.instant() : range.to());
		TimeRanges.requireOrdered(from, to);
		return blocking(() -> new Queued(deliveries.replay(subscriptions.visibleTo(caller, id), from, to)));
	}

	static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

	/** A time range whose ends are both optional. */
	record TimeRangeOrAll(Instant from, Instant to) {
	}

	/** Every instant the API takes lies in the years 0000 to 9999. */
	static final class TimeRanges {

		private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");

		private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

		private TimeRanges() {
		}

		static Instant instant(String name, Instant value) {
			if (value != null && (value.isBefore(FIRST) || value.isAfter(LAST))) {
				throw new CodedException(PlatformErrorCode.INVALID_PARAMETER,
						name + " must lie in the years 0000 to 9999.");
			}
			return value;
		}

		static void requireOrdered(Instant from, Instant to) {
			if (!from.isBefore(to)) {
				throw new CodedException(PlatformErrorCode.INVALID_PARAMETER, "from must be before to.");
			}
		}

	}

}
