package dev.eventplatform.notification.webhook.subscription;

import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the subscriptions read model. Blocking: call it off the event loop. */
@Component
public class Subscriptions {

	private static final String COLUMNS = """
			subscription_id, owner, url, event_types, version, format, description, enabled, disabled_reason,
			disabled_at, consecutive_failures, created_at, updated_at""";

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Subscription> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE subscription_id = ?")
			.param(id)
			.query(Subscriptions::map)
			.optional();
	}

	/**
	 * The subscription if the caller may see it; 404 alike for one that does not exist
	 * and for someone else's, so that ids cannot be probed.
	 */
	public Subscription visibleTo(Caller caller, String id) {
		return find(id).filter(caller::mayAccess)
			.orElseThrow(() -> Problems.exception(PlatformErrorCode.NOT_FOUND, "No webhook subscription " + id + "."));
	}

	/** The caller's subscriptions (an operator's: all), oldest first. */
	public List<Subscription> list(Caller caller) {
		return caller.operator()
				? jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY created_at, subscription_id")
					.query(Subscriptions::map)
					.list()
				: jdbc
					.sql("SELECT " + COLUMNS
							+ " FROM webhook_subscription WHERE owner = ? ORDER BY created_at, subscription_id")
					.param(caller.name())
					.query(Subscriptions::map)
					.list();
	}

	/** The subscriptions the fan-out delivers to. */
	public List<Subscription> enabled() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE enabled")
			.query(Subscriptions::map)
			.list();
	}

	private static Subscription map(ResultSet rs, int row) throws SQLException {
		return new Subscription(rs.getString("subscription_id"), rs.getString("owner"), rs.getString("url"),
				Subscription.splitTypes(rs.getString("event_types")), rs.getInt("version"), rs.getString("format"),
				rs.getString("description"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
				instant(rs, "disabled_at"), rs.getInt("consecutive_failures"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
