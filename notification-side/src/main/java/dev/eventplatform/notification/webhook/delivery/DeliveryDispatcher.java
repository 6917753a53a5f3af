package dev.eventplatform.notification.webhook.delivery;

import dev.eventplatform.notification.webhook.WebhookProperties;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.ClaimedDelivery;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.Outcome;
import dev.eventplatform.notification.webhook.delivery.DeliveryRecords.Verdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each node's one delivery loop: it records finished rounds (a batch per pass, in one
 * transaction), claims due deliveries up to the node's and each endpoint's in-flight
 * limits, and hands them to the non-blocking {@link WebhookSender}. A hung endpoint fills
 * only its own share; others keep flowing. The loop sleeps until a round finishes, the
 * fan-out commits on this node, or the poll interval passes (for other nodes' fan-outs
 * and due retries).
 * <p>
 * On shutdown it stops claiming and waits a round's length for the deliveries in flight;
 * any left keep their lease, which runs out, and are sent again (at least once).
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	/**
	 * How long a woken loop waits for more work before a pass: at most 50 passes a
	 * second.
	 */
	private static final long GATHER_MILLIS = 20;

	private final DeliveryStore store;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final SubscriptionGuard guard;

	private final Clock clock;

	private final BlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();

	private final Semaphore wake = new Semaphore(0);

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Map<String, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();

	private final AtomicLong deadLetters = new AtomicLong();

	private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final Timer latency;

	private volatile boolean running;

	private Thread loop;

	private Instant deadLettersCountedAt = Instant.EPOCH;

	private Instant leasesCheckedAt = Instant.EPOCH;

	DeliveryDispatcher(DeliveryStore store, WebhookSender sender, WebhookProperties properties, SubscriptionGuard guard,
			Clock clock, MeterRegistry meters) {
		this.store = store;
		this.sender = sender;
		this.properties = properties;
		this.guard = guard;
		this.clock = clock;
		this.meters = meters;
		this.latency = Timer.builder("platform.webhooks.delivery.latency")
			.description("From the event to its successful delivery")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		meters.gauge("platform.webhooks.in.flight", inFlight);
		meters.gauge("platform.webhooks.dead.letters", deadLetters);
	}

	/** Something is due: a fan-out committed, or a round finished. */
	void wakeUp() {
		if (wake.availablePermits() == 0) {
			wake.release();
		}
	}

	@Override
	public void start() {
		running = true;
		loop = new Thread(this::run, "webhook-dispatcher");
		loop.setDaemon(true);
		loop.start();
	}

	@Override
	public void stop() {
		running = false;
		wakeUp();
		try {
			loop.join(properties.attemptTimeout().plusSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		var stopping = Long.MAX_VALUE;
		while (running || (inFlight.get() > 0 && System.nanoTime() < stopping)) {
			if (!running && stopping == Long.MAX_VALUE) {
				stopping = System.nanoTime() + properties.attemptTimeout().toNanos();
			}
			try {
				record();
				if (running) {
					claim();
				}
				countDeadLetters();
				releaseExpiredLeases();
				if (wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
					// Woken by a finished round or a fan-out: let more of them gather, so
					// that
					// one pass records and claims for many rather than a query each.
					Thread.sleep(GATHER_MILLIS);
				}
				wake.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database is away, say: nothing is lost (rows and leases stay), try
				// again.
				log.warn("Webhook dispatch failed; retrying in {}", properties.pollInterval(), ex);
				sleep(properties.pollInterval());
			}
		}
		record();
	}

	private void claim() {
		var capacity = properties.maxInFlight() - inFlight.get();
		if (capacity <= 0) {
			return;
		}
		var excluded = new HashSet<String>();
		var room = new HashMap<String, Integer>();
		inFlightByEndpoint.forEach((subscription, count) -> {
			var left = properties.maxInFlightPerEndpoint() - count.get();
			if (left <= 0) {
				excluded.add(subscription);
			}
			else {
				room.put(subscription, left);
			}
		});
		sender.breakers().forEach(breaker -> {
			if (breaker.getState() == CircuitBreaker.State.OPEN) {
				excluded.add(breaker.getName());
			}
			else if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
				room.merge(breaker.getName(), 1, Math::min);
			}
		});
		var limit = Math.min(capacity, properties.claimBatch());
		var now = clock.instant();
		var claim = store.claim(now, now.plus(properties.lease()), limit, properties.maxInFlightPerEndpoint(), room,
				excluded);
		claim.deliveries().forEach(this::dispatch);
		if (claim.more()) {
			wakeUp();
		}
	}

	private void dispatch(ClaimedDelivery delivery) {
		inFlight.incrementAndGet();
		inFlightByEndpoint.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger()).incrementAndGet();
		// The slot is free as soon as the round ends: the row stays SENDING until its
		// outcome is recorded, so neither it nor a later event of its subject is claimed
		// meanwhile.
		sender.send(delivery)
			.onErrorResume(ex -> Mono.just(new Outcome(delivery, Verdict.NOT_SENT, List.of())))
			.subscribe(outcome -> {
				release(outcome);
				finished.add(outcome);
				wakeUp();
			});
	}

	/** Stores every finished round, then applies what follows from it. */
	private void record() {
		var batch = new ArrayList<Outcome>();
		finished.drainTo(batch, 1000);
		if (batch.isEmpty()) {
			return;
		}
		var now = clock.instant();
		var next = new HashMap<String, Instant>();
		for (var outcome : batch) {
			var delivery = outcome.delivery();
			if (outcome.verdict() == Verdict.TRANSIENT && delivery.rounds() < properties.retrySchedule().size()) {
				next.put(delivery.deliveryId(), now.plus(wait(delivery.rounds(), outcome)));
			}
		}
		// When this fails, the leases run out and the deliveries go again.
		var runs = store.complete(batch, next, now);
		for (var outcome : batch) {
			count(outcome, next.containsKey(outcome.delivery().deliveryId()), now);
		}
		runs.forEach((subscription, run) -> {
			if (run >= properties.disableAfter()) {
				guard.disable(subscription, "failing", run + " deliveries in a row were dead-lettered.");
			}
		});
	}

	private void release(Outcome outcome) {
		inFlight.decrementAndGet();
		var count = inFlightByEndpoint.get(outcome.delivery().subscriptionId());
		if (count != null && count.decrementAndGet() <= 0) {
			inFlightByEndpoint.remove(outcome.delivery().subscriptionId(), count);
		}
	}

	private void count(Outcome outcome, boolean retrying, Instant now) {
		var delivery = outcome.delivery();
		var name = switch (outcome.verdict()) {
			case DELIVERED -> "delivered";
			case NOT_SENT -> "not-sent";
			default -> retrying ? "retrying" : "dead-lettered";
		};
		outcomes
			.computeIfAbsent(name,
					key -> Counter.builder("platform.webhooks.deliveries")
						.description("Rounds of delivery attempts, by how they ended")
						.tag("outcome", key)
						.register(meters))
			.increment();
		if (outcome.verdict() == Verdict.DELIVERED) {
			latency.record(Duration.between(delivery.eventTime(), now));
		}
		else if (name.equals("dead-lettered")) {
			var last = outcome.last();
			log.warn("Webhook delivery {} to subscription {} is dead-lettered after {} attempts; last: {}",
					delivery.deliveryId(), delivery.subscriptionId(), delivery.attempts() + outcome.attempts().size(),
					last == null ? "none" : last.statusCode() != null ? "HTTP " + last.statusCode() : last.error());
			if (outcome.verdict() == Verdict.GONE) {
				guard.disable(delivery.subscriptionId(), "gone", "The endpoint answered 410 Gone.");
			}
		}
	}

	/**
	 * The schedule's wait for this round, varied by the jitter; never shorter than the
	 * endpoint's {@code Retry-After}.
	 */
	private Duration wait(int round, Outcome outcome) {
		var base = properties.retrySchedule().get(round);
		var factor = 1 + properties.retryJitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		var wait = Duration.ofMillis(Math.round(base.toMillis() * factor));
		var last = outcome.last();
		return last != null && last.retryAfter() != null && last.retryAfter().compareTo(wait) > 0 ? last.retryAfter()
				: wait;
	}

	private void releaseExpiredLeases() {
		var now = clock.instant();
		if (Duration.between(leasesCheckedAt, now).compareTo(properties.lease().dividedBy(4)) >= 0) {
			if (store.releaseExpiredLeases(now) > 0) {
				wakeUp();
			}
			leasesCheckedAt = now;
		}
	}

	private void countDeadLetters() {
		var now = clock.instant();
		if (Duration.between(deadLettersCountedAt, now).compareTo(Duration.ofSeconds(15)) >= 0) {
			deadLetters.set(store.deadLetters());
			deadLettersCountedAt = now;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
