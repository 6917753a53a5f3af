package dev.eventplatform.notification.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code platform.webhooks.*}).
 *
 * @param allowPrivateTargets let subscriptions target loopback, private and link-local
 * addresses: for tests and local development only
 * @param retrySchedule the waits of the persisted retries after a failed round; a
 * delivery that fails its last round is dead-lettered
 * @param retryJitter each persisted wait varies by up to this fraction, so that
 * deliveries that failed together do not come back together
 * @param quickAttempts HTTP attempts per round, in process, before the persisted schedule
 * takes over
 * @param quickRetryWait wait between those attempts
 * @param disableAfter dead-lettered deliveries in a row that disable a subscription
 * @param secretOverlap how long a rotated-out secret keeps signing beside the new one
 * @param connectTimeout to open a connection
 * @param responseTimeout longest silence while waiting for or reading a response
 * @param attemptTimeout longest a whole attempt may take
 * @param lease a node that claimed a delivery and has not finished it after this long is
 * taken to have died: the delivery is claimed again (it exceeds a round's longest run)
 * @param maxInFlight deliveries in flight per node
 * @param maxInFlightPerEndpoint deliveries in flight per subscription per node: a slow
 * endpoint holds at most this many of {@link #maxInFlight}
 * @param claimBatch most deliveries claimed in one query
 * @param pollInterval how often a node looks for due deliveries when nothing woke it
 * @param circuitBreaker when an endpoint is deemed down and left alone for a while
 * @param operatorNotification where a disabled subscription is reported, signed
 */
@ConfigurationProperties("platform.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue( {
		"1m", "5m", "30m", "2h", "24h" }) List<Duration> retrySchedule, @DefaultValue("0.2") double retryJitter,
		@DefaultValue("3") int quickAttempts, @DefaultValue("250ms") Duration quickRetryWait,
		@DefaultValue("5") int disableAfter, @DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout,
		@DefaultValue("15s") Duration attemptTimeout, @DefaultValue("2m") Duration lease,
		@DefaultValue("512") int maxInFlight, @DefaultValue("64") int maxInFlightPerEndpoint,
		@DefaultValue("256") int claimBatch, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue CircuitBreaker circuitBreaker, @DefaultValue OperatorNotification operatorNotification){

	public WebhookProperties {
		retrySchedule = List.copyOf(retrySchedule);
		if (quickAttempts < 1 || maxInFlight < 1 || maxInFlightPerEndpoint < 1 || claimBatch < 1 || disableAfter < 1) {
			throw new IllegalArgumentException(
					"platform.webhooks: quick-attempts, max-in-flight, max-in-flight-per-endpoint, claim-batch and "
							+ "disable-after must be 1 or more");
		}
		if (retryJitter < 0 || retryJitter >= 1) {
			throw new IllegalArgumentException("platform.webhooks.retry-jitter must be at least 0 and below 1");
		}
		var round = attemptTimeout.plus(quickRetryWait).multipliedBy(quickAttempts);
		if (lease.compareTo(round) <= 0) {
			throw new IllegalArgumentException("platform.webhooks.lease must exceed a round of quick attempts (" + round
					+ "), or a live node's deliveries would be claimed again");
		}
	}

	/**
	 * @param failureRate percentage of failed attempts that opens the breaker
	 * @param minimumCalls attempts in the window before the rate counts
	 * @param openFor how long an open breaker lets no attempt through
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRate, @DefaultValue("10") int minimumCalls,
			@DefaultValue("30s") Duration openFor) {
	}

	/**
	 * @param url receives a signed POST when a subscription is disabled; none: only the
	 * log
	 * @param secret signs it ({@code whsec_...})
	 */
	public record OperatorNotification(URI url, String secret) {
	}

}
