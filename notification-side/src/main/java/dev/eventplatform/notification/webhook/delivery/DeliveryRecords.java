package dev.eventplatform.notification.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the delivery store reads and writes. */
final class DeliveryRecords {

	private DeliveryRecords() {
	}

	/** A row the fan-out (or a replay) asks for. */
	record NewDelivery(String deliveryId, String subscriptionId, String eventId, String eventType, String subject,
			long position, Instant eventTime, String body, String contentType, boolean resend) {
	}

	/** A row this node claimed, with what sending it needs. */
	record ClaimedDelivery(String deliveryId, String subscriptionId, String url, String eventId, Instant eventTime,
			String body, String contentType, int rounds, int attempts, List<String> secrets) {
	}

	/**
	 * One HTTP attempt.
	 *
	 * @param statusCode null when no response arrived ({@code error} says why)
	 * @param retryAfter the endpoint's {@code Retry-After}, if it sent one
	 */
	record Attempt(Instant startedAt, Duration duration, Integer statusCode, String error, String responseExcerpt,
			Duration retryAfter) {

		boolean succeeded() {
			return statusCode != null && statusCode >= 200 && statusCode < 300;
		}

	}

	/** How a round of quick attempts ended. */
	enum Verdict {

		DELIVERED,
		/** Worth trying again later: no answer, 408, 429 or 5xx. */
		TRANSIENT,
		/**
		 * The endpoint refused it (another 4xx): retrying the same request cannot help.
		 */
		REJECTED,
		/** 410: the endpoint is gone for good; the subscription is disabled. */
		GONE,
		/** Not sent at all (the endpoint's circuit is open, or the node is stopping). */
		NOT_SENT

	}

	/** A claimed delivery's round: its attempts, in order, and what they add up to. */
	record Outcome(ClaimedDelivery delivery, Verdict verdict, List<Attempt> attempts) {

		Attempt last() {
			return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
		}

	}

}
