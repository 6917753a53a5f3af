package dev.eventplatform.infrastructure.deadletter;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Shows each dead-lettering processing group, and the whole component as {@code DEGRADED}
 * while any of them has letters waiting: the group still runs, but some of its events
 * have not been handled. Not part of readiness, so a poison event never takes the node
 * out of a load balancer.
 */
class DeadLetterHealthIndicator extends AbstractHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Some events wait in a dead-letter queue");

	private final DeadLetters deadLetters;

	DeadLetterHealthIndicator(DeadLetters deadLetters) {
		super("Reading the dead-letter queues failed");
		this.deadLetters = deadLetters;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var counts = deadLetters.counts();
		var degraded = counts.values().stream().anyMatch(count -> count.letters() > 0);
		builder.status(degraded ? DEGRADED : Status.UP);
		counts.forEach((group, count) -> builder.withDetail(group, count));
	}

}
