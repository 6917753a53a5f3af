package dev.eventplatform.notification.webhook.subscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The signing secrets, in the Standard Webhooks format ({@code whsec_} and 32 random
 * bytes in base64). They live in their own table and never in an event, a log line or a
 * response other than the one that creates them. Blocking: call it off the event loop.
 */
@Component
public class WebhookSecrets {

	static final String PREFIX = "whsec_";

	private static final int SECRET_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookSecrets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String generate() {
		var bytes = new byte[SECRET_BYTES];
		random.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/** Makes {@code secret} the current one; call it in the command's transaction. */
	void add(String subscriptionId, String secret) {
		jdbc.sql("INSERT INTO webhook_secret (subscription_id, secret, created_at) VALUES (?, ?, ?)")
			.params(subscriptionId, secret, SubscriptionProjection.sql(clock.instant()))
			.update();
	}

	/** The current secret signs until {@code until}, beside the one that replaces it. */
	void retire(String subscriptionId, Instant until) {
		jdbc.sql("UPDATE webhook_secret SET expires_at = ? WHERE subscription_id = ? AND expires_at IS NULL")
			.params(SubscriptionProjection.sql(until), subscriptionId)
			.update();
	}

	/** The secrets that sign each subscription's deliveries now, newest first. */
	public Map<String, List<String>> signing(Collection<String> subscriptionIds) {
		var secrets = new HashMap<String, List<String>>();
		if (subscriptionIds.isEmpty()) {
			return secrets;
		}
		jdbc.sql("""
				SELECT subscription_id, secret FROM webhook_secret
				WHERE subscription_id IN (:ids) AND (expires_at IS NULL OR expires_at > :now)
				ORDER BY created_at DESC""")
			.param("ids", subscriptionIds)
			.param("now", SubscriptionProjection.sql(clock.instant()))
			.query(rs -> {
				secrets.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
			});
		return secrets;
	}

	@Scheduled(fixedDelayString = "${platform.webhooks.secret-purge-interval:PT1H}", initialDelayString = "PT1M")
	void purgeExpired() {
		jdbc.sql("DELETE FROM webhook_secret WHERE expires_at <= ?")
			.param(SubscriptionProjection.sql(clock.instant()))
			.update();
	}

}
