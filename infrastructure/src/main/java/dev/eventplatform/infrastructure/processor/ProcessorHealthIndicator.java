package dev.eventplatform.infrastructure.processor;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The health component {@code eventProcessors}: each of this node's processors, and the
 * whole component {@code DEGRADED} while one of them is failing (a segment retries an
 * event with back-off). Not part of readiness: the node still serves reads and commands.
 */
class ProcessorHealthIndicator extends AbstractHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "A processor is failing");

	private final ProcessorSupervisor supervisor;

	private final ProcessorFailures failures;

	ProcessorHealthIndicator(ProcessorSupervisor supervisor, ProcessorFailures failures) {
		super("Reading the processors' state failed");
		this.supervisor = supervisor;
		this.failures = failures;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var failing = false;
		for (var name : supervisor.local().keySet()) {
			var failure = failures.get(name);
			if (failure != null) {
				failing = true;
				builder.withDetail(name, "failing since " + failure.since() + ": " + failure.error());
			}
			else {
				builder.withDetail(name, "ok");
			}
		}
		builder.status(failing ? DEGRADED : Status.UP);
	}

}
