package dev.eventplatform.notification.webhook;

import dev.eventplatform.infrastructure.web.ErrorCode;

/** The problems of webhook subscriptions and their deliveries. */
public enum WebhookErrorCode implements ErrorCode {

	/** Not an absolute http(s) URL with a host, or not one the platform may send to. */
	INVALID_WEBHOOK_URL(400, "Invalid webhook URL"),

	/**
	 * The URL's host is, or resolves to, a loopback, private, link-local, multicast or
	 * unspecified address, and private targets are not allowed.
	 */
	FORBIDDEN_WEBHOOK_TARGET(400, "Webhook target not allowed"),

	/** The subscription was deleted; its history stays in the audit log. */
	SUBSCRIPTION_DELETED(409, "Subscription deleted"),

	/** The range holds more events than one replay sends: narrow it. */
	REPLAY_TOO_LARGE(400, "Replay too large"),

	/** Only a dead letter can be retried. */
	NOT_A_DEAD_LETTER(409, "Not a dead letter");

	private final int status;

	private final String title;

	WebhookErrorCode(int status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public String title() {
		return title;
	}

	@Override
	public int status() {
		return status;
	}

}
