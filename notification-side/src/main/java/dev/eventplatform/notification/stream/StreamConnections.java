package dev.eventplatform.notification.stream;

import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The open streams of this node: their caps, per node and per API key, and their metrics.
 */
@Component
class StreamConnections {

	/**
	 * Why a stream ended, as the {@code reason} tag of
	 * {@code platform.stream.disconnects}.
	 */
	enum Reason {

		/** The client went away (or its connection broke). */
		CLIENT_GONE,
		/** It did not read fast enough and its buffer filled; it resumes by id. */
		SLOW_CONSUMER,
		/** The node is stopping. */
		SHUTDOWN,
		/** It reached its maximum lifetime; it resumes by id. */
		LIFETIME,
		/** Reading the log failed. */
		ERROR;

		String tag() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	private final int maxConnections;

	private final int maxConnectionsPerKey;

	private final AtomicInteger open = new AtomicInteger();

	private final Map<String, Integer> openPerKey = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Counter eventsSent;

	private final DistributionSummary catchUps;

	StreamConnections(StreamProperties properties, MeterRegistry registry) {
		this.maxConnections = properties.maxConnections();
		this.maxConnectionsPerKey = properties.maxConnectionsPerKey();
		this.registry = registry;
		registry.gauge("platform.stream.connections", open);
		this.eventsSent = registry.counter("platform.stream.events.sent");
		this.catchUps = DistributionSummary.builder("platform.stream.catch.up.events")
			.description("Events a stream replayed before it went live")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	void caughtUp(long events) {
		catchUps.record(events);
	}

	/**
	 * Counts a new stream of {@code key}, or refuses it with 429 when a cap is reached.
	 */
	void open(String key) {
		if (open.incrementAndGet() > maxConnections) {
			open.decrementAndGet();
			throw Problems.exception(PlatformErrorCode.TOO_MANY_STREAMS,
					"This node serves at most " + maxConnections + " streams; retry later or on another node.");
		}
		if (openPerKey.merge(key, 1, Integer::sum) > maxConnectionsPerKey) {
			release(key);
			throw Problems.exception(PlatformErrorCode.TOO_MANY_STREAMS,
					"This API key has " + maxConnectionsPerKey + " open streams on this node, the most it may have.");
		}
	}

	void closed(String key, Reason reason) {
		release(key);
		registry.counter("platform.stream.disconnects", "reason", reason.tag()).increment();
	}

	private void release(String key) {
		openPerKey.computeIfPresent(key, (name, count) -> count == 1 ? null : count - 1);
		open.decrementAndGet();
	}

	void sent() {
		eventsSent.increment();
	}

}
