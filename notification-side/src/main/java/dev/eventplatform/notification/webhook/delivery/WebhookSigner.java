package dev.eventplatform.notification.webhook.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures, made by the specification's own Java library: one
 * {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} per secret that signs now,
 * separated by spaces, so that a receiver holding either the old or the new secret
 * verifies a delivery during a rotation's overlap.
 */
final class WebhookSigner {

	private WebhookSigner() {
	}

	static String sign(List<String> secrets, String webhookId, long timestampSeconds, String body) {
		if (secrets.isEmpty()) {
			throw new IllegalStateException("No secret signs the deliveries of " + webhookId);
		}
		return secrets.stream().map(secret -> {
			try {
				return new Webhook(secret).sign(webhookId, timestampSeconds, body);
			}
			catch (WebhookSigningException ex) {
				throw new IllegalStateException("Signing " + webhookId + " failed", ex);
			}
		}).collect(Collectors.joining(" "));
	}

}
