package dev.eventplatform.notification.webhook.subscription;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A subscription as the read model holds it.
 *
 * @param eventTypes the filters as given, wildcards kept
 * @param disabledReason why it is disabled ({@code requested}, {@code gone},
 * {@code failing}), null while enabled
 * @param consecutiveFailures dead-lettered deliveries since the last success
 */
public record Subscription(String id, String owner, String url, List<String> eventTypes, int version, String format,
		String description, boolean enabled, String disabledReason, Instant disabledAt, int consecutiveFailures,
		Instant createdAt, Instant updatedAt) {

	/** Envelope format: the published envelope as JSON. */
	public static final String ENVELOPE = "envelope";

	/** CloudEvents 1.0 structured mode, JSON. */
	public static final String CLOUDEVENTS = "cloudevents";

	static String joinTypes(List<String> types) {
		return String.join("\n", types);
	}

	static List<String> splitTypes(String types) {
		return Arrays.asList(types.split("\n"));
	}

}
