package dev.eventplatform.notification.webhook.delivery;

import dev.eventplatform.notification.webhook.WebhookProperties;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.Attempt;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.ClaimedDelivery;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.Outcome;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.Verdict;
import dev.eventplatform.notification.webhook.target.WebhookTargets;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends one round of a delivery: up to {@code quick-attempts} signed POSTs, a short wait
 * apart (Resilience4j Retry), each through the endpoint's circuit breaker (Resilience4j,
 * one per subscription and node). Non-blocking from end to end, so an endpoint that hangs
 * holds no thread, only its own connections, and only until the attempt's timeout.
 */
@Component
class WebhookSender implements DisposableBean {

	static final String USER_AGENT = "event-platform-webhooks/1";

	/** Longest excerpt of a response body kept with an attempt. */
	static final int EXCERPT_BYTES = 1000;

	private static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

	private final ConnectionProvider connections;

	private final HttpClient client;

	private final WebhookProperties properties;

	private final CircuitBreakerRegistry breakers;

	private final RetryConfig retryConfig;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		// Pools are per remote address, which several subscriptions may share: each may
		// hold
		// the whole node's in-flight limit, so that a hung subscription (held to its own
		// share by the dispatcher) never makes another wait for a connection.
		this.connections = ConnectionProvider.builder("webhooks")
			.maxConnections(properties.maxInFlight())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(properties.attemptTimeout())
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		this.client = WebhookTargets.guard(HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.responseTimeout()), properties.allowPrivateTargets());
		var breaker = properties.circuitBreaker();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRate())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.slidingWindowSize(Math.max(breaker.minimumCalls(), 20))
			.waitDurationInOpenState(breaker.openFor())
			// Nothing is attempted while open, so the breaker moves on by the clock.
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordResult(result -> result instanceof Attempt attempt && isTransient(attempt))
			.build());
		this.retryConfig = RetryConfig.<Attempt>custom()
			.maxAttempts(properties.quickAttempts())
			.waitDuration(properties.quickRetryWait())
			// A Retry-After asks for a pause longer than a quick retry: the schedule
			// keeps it.
			.retryOnResult(attempt -> isTransient(attempt) && attempt.retryAfter() == null)
			.retryOnException(ex -> false)
			.build();
	}

	private CircuitBreaker breaker(String subscriptionId) {
		return breakers.circuitBreaker(subscriptionId);
	}

	/**
	 * The endpoints' breakers, named by subscription: the dispatcher claims nothing for
	 * an open one.
	 */
	Iterable<CircuitBreaker> breakers() {
		return breakers.getAllCircuitBreakers();
	}

	Mono<Outcome> send(ClaimedDelivery delivery) {
		var attempts = new ArrayList<Attempt>();
		return Mono
			.defer(() -> post(delivery.url(), delivery.deliveryId(), delivery.body(), delivery.contentType(),
					delivery.secrets()))
			.transformDeferred(CircuitBreakerOperator.of(breaker(delivery.subscriptionId())))
			.doOnNext(attempts::add)
			.transformDeferred(RetryOperator.of(Retry.of(delivery.deliveryId(), retryConfig)))
			.map(last -> new Outcome(delivery, verdict(last), List.copyOf(attempts)))
			.onErrorResume(CallNotPermittedException.class, ex -> Mono
				.just(attempts.isEmpty() ? new Outcome(delivery, Verdict.NOT_SENT, List.of())
						: new Outcome(delivery, verdict(attempts.get(attempts.size() - 1)), List.copyOf(attempts))));
	}

	/**
	 * One signed POST; never fails: a missing answer is an attempt with an error.
	 */
	Mono<Attempt> post(String url, String webhookId, String body, String contentType, List<String> secrets) {
		return Mono.defer(() -> {
			var started = clock.instant();
			var startedNanos = System.nanoTime();
			var timestamp = started.getEpochSecond();
			var signature = WebhookSigner.sign(secrets, webhookId, timestamp, body);
			return client
				.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, contentType)
					.set(HttpHeaderNames.USER_AGENT, USER_AGENT)
					.set("webhook-id", webhookId)
					.set("webhook-timestamp", Long.toString(timestamp))
					.set("webhook-signature", signature))
				.post()
				.uri(url)
				.send(ByteBufFlux.fromString(Mono.just(body), StandardCharsets.UTF_8, ByteBufAllocator.DEFAULT))
				.response((response, content) -> content.asByteArray()
					.reduce(new Excerpt(), Excerpt::append)
					.defaultIfEmpty(new Excerpt())
					.map(excerpt -> new Attempt(started, Duration.ofNanos(System.nanoTime() - startedNanos),
							response.status().code(), null, excerpt.text(), retryAfter(response.responseHeaders()))))
				.next()
				.timeout(properties.attemptTimeout())
				.onErrorResume(ex -> !(ex instanceof CallNotPermittedException), ex -> Mono.just(new Attempt(started,
						Duration.ofNanos(System.nanoTime() - startedNanos), null, describe(ex), null, null)));
		});
	}

	static Verdict verdict(Attempt attempt) {
		if (attempt.succeeded()) {
			return Verdict.DELIVERED;
		}
		if (Integer.valueOf(410).equals(attempt.statusCode())) {
			return Verdict.GONE;
		}
		return isTransient(attempt) ? Verdict.TRANSIENT : Verdict.REJECTED;
	}

	/** No answer, 408, 429 and 5xx may pass; other answers will not change. */
	static boolean isTransient(Attempt attempt) {
		var status = attempt.statusCode();
		return status == null || status == 408 || status == 429 || status >= 500;
	}

	/** Seconds or an HTTP date; anything else is ignored. */
	static Duration retryAfter(HttpHeaders headers) {
		var value = headers.get(HttpHeaderNames.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			Duration wait;
			if (value.chars().allMatch(Character::isDigit)) {
				wait = value.length() > 6 ? LONGEST_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
			}
			else {
				wait = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
			}
			return wait.isNegative() ? Duration.ZERO
					: wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return null;
		}
	}

	private static String describe(Throwable ex) {
		var message = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return clean(message.length() > 1000 ? message.substring(0, 1000) : message);
	}

	/** PostgreSQL text cannot hold NUL. */
	static String clean(String text) {
		return text.replace('\u0000', '\uFFFD');
	}

	@Override
	public void destroy() {
		connections.dispose();
	}

	/** The first bytes of a response body; the rest is read and dropped. */
	private static final class Excerpt {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		Excerpt append(byte[] chunk) {
			var room = EXCERPT_BYTES - bytes.size();
			if (room > 0) {
				bytes.write(chunk, 0, Math.min(room, chunk.length));
			}
			return this;
		}

		String text() {
			var text = clean(bytes.toString(StandardCharsets.UTF_8));
			return text.length() > EXCERPT_BYTES ? text.substring(0, EXCERPT_BYTES) : text;
		}

	}

}
