package dev.eventplatform.infrastructure.processor;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.stereotype.Component;

/**
 * The failing processors of this node. Every processor's error handler records a failed
 * batch here, then propagates it (the segment retries with back-off, as before). A
 * failure ends when the processor's committed position (its tokens) moves past where it
 * stood when the failure was first seen: the failed batch went through.
 */
@Component
public class ProcessorFailures {

	private final Map<String, Failure> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	ProcessorFailures(Clock clock) {
		this.clock = clock;
	}

	/** Records the failure, then lets the processor retry as it would without this. */
	ErrorHandler errorHandler() {
		return context -> {
			record(context);
			PropagatingErrorHandler.instance().handleError(context);
		};
	}

	private void record(ErrorContext context) {
		var now = clock.instant();
		failures.compute(context.eventProcessor(), (name, last) -> new Failure(String.valueOf(context.error()),
				last == null ? now : last.since(), last == null ? null : last.position()));
	}

	/** The processor's failure, while it lasts. */
	public Failure get(String processor) {
		return failures.get(processor);
	}

	/**
	 * Notes the processor's lowest committed position: the first one seen after a
	 * failure, and whether a later one moved past it.
	 */
	void observe(String processor, OptionalLong position) {
		if (position.isEmpty()) {
			return;
		}
		var current = position.getAsLong();
		failures.computeIfPresent(processor, (name, failure) -> {
			if (failure.position() == null) {
				return new Failure(failure.error(), failure.since(), current);
			}
			return current > failure.position() ? null : failure;
		});
	}

	/**
	 * @param error the last failure's exception
	 * @param since when the first failure in a row was recorded
	 * @param position where the processor stood when it was seen failing
	 */
	public record Failure(String error, Instant since, Long position) {
	}

}
