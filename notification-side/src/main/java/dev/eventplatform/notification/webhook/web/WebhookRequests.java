package dev.eventplatform.notification.webhook.web;

import dev.eventplatform.notification.webhook.subscription.Subscription;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import static dev.eventplatform.infrastructure.web.TextPatterns.PRINTABLE;
import static dev.eventplatform.infrastructure.web.TextPatterns.PRINTABLE_MESSAGE;
import static dev.eventplatform.infrastructure.web.TextPatterns.TEXT;
import static dev.eventplatform.infrastructure.web.TextPatterns.TEXT_MESSAGE;
import java.time.Instant;
import java.util.List;

/** The bodies of the webhook API. */
final class WebhookRequests {

	private WebhookRequests() {
	}

	record CreateWebhookRequest(
			@Schema(example = "https://example.com/hooks/orders") @NotBlank @Size(max = 2048) String url,
			@Schema(example = "[\"order.*\"]") @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) @Pattern(
					regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String> eventTypes,
			@Schema(description = "Envelope version to receive; the types' current one when absent",
					example = "1") @Min(1) @Max(1000) Integer version,
			@Schema(description = "envelope (default) or cloudevents", example = "envelope") @Pattern(
					regexp = "^(envelope|cloudevents)$", message = "must be envelope or cloudevents") String format,
			@Schema(example = "Order updates for the shop") @Size(max = 500) @Pattern(regexp = TEXT,
					message = TEXT_MESSAGE) String description) {
	}

	/**
	 * Absent members stay as they are.
	 *
	 * @param replayMissed with {@code enabled: true}: also deliver the matching events of
	 * the time the subscription was disabled
	 */
	record UpdateWebhookRequest(@Size(max = 2048) String url,
			@Size(min = 1,
					max = 50) List<@NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE,
							message = PRINTABLE_MESSAGE) String> eventTypes,
			@Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String description, Boolean enabled,
			Boolean replayMissed) {
	}

	/** A time range {@code [from, to)}; {@code to} defaults to now. */
	record TimeRange(@Schema(example = "2026-11-27T00:00:00Z") @NotNull Instant from,
			@Schema(example = "2026-11-28T00:00:00Z") Instant to) {
	}

	/** Dead letters to retry: of one subscription or all, in a time range or all. */
	record DeadLetterRetry(String subscriptionId, Instant from, Instant to) {
	}

	/** A subscription as the API shows it; the secret is never part of it. */
	record Webhook(String id, String owner, String url, List<String> eventTypes, int version, String format,
			String description, boolean enabled, String disabledReason, Instant disabledAt, Instant createdAt,
			Instant updatedAt) {

		static Webhook of(Subscription s) {
			return new Webhook(s.id(), s.owner(), s.url(), s.eventTypes(), s.version(), s.format(), s.description(),
					s.enabled(), s.disabledReason(), s.disabledAt(), s.createdAt(), s.updatedAt());
		}

	}

	/** The answer to a create: the subscription and its secret, shown this once. */
	record CreatedWebhook(String id, String owner, String url, List<String> eventTypes, int version, String format,
			String description, boolean enabled, Instant createdAt,
			@Schema(description = "The signing secret; shown only here",
					example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
	}

	record RotatedSecret(String secret, Instant previousSecretExpiresAt) {
	}

	/** How many deliveries an action queued. */
	record Queued(int deliveries) {
	}

}
