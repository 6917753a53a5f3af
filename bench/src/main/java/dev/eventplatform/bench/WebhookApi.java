package dev.eventplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Creates and deletes webhook subscriptions with the subscriber key. */
final class WebhookApi {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([A-Za-z0-9._~-]+)\"");

	private final String webhooksUrl;

	private final String key;

	WebhookApi(URI baseUrl, String key) {
		this.webhooksUrl = baseUrl + "/webhooks";
		this.key = key;
	}

	/**
	 * Subscribes {@code target} to the event types and returns the subscription's id.
	 * @throws IllegalStateException when the platform refuses, with its answer
	 */
	String subscribe(String target, List<String> eventTypes) throws IOException {
		// The target is built by the harness and the types are checked against a plain
		// pattern: nothing here needs JSON escaping.
		String types = eventTypes.stream().map(type -> "\"" + type + "\"").collect(Collectors.joining(","));
		String body = "{\"url\":\"" + target + "\",\"eventTypes\":[" + types + "]}";
		Http.Response response = Http.exchange("POST", Http.url(webhooksUrl), key,
				body.getBytes(StandardCharsets.UTF_8));
		Matcher id = ID.matcher(response.body());
		if (response.status() != 201 || !id.find()) {
			throw new IllegalStateException(
					"POST /webhooks for " + target + " answered " + response.status() + ": " + response.body());
		}
		return id.group(1);
	}

	/** Deletes a subscription; false when the platform did not answer 2xx. */
	boolean unsubscribe(String id) throws IOException {
		return Http.exchange("DELETE", Http.url(webhooksUrl + "/" + id), key, null).isSuccess();
	}

}
