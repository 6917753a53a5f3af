package dev.eventplatform.infrastructure.security;

/** What an API key may do; one per kind of user in DESIGN.md section 1. */
public enum Role {

	/**
	 * Domain teams: issue commands on every order of the deployment and read them (no
	 * per-key ownership).
	 */
	COMMAND,

	/** Auditors: read the event log and read models. */
	AUDIT,

	/** Webhook subscribers: manage their own subscriptions and deliveries. */
	SUBSCRIBER,

	/** Browser dashboards: open the event stream. */
	STREAM,

	/** Operators: processors, dead letters, metrics. */
	OPERATOR

}
