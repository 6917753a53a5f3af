package dev.eventplatform.infrastructure.processor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code processor_control}, what operators asked of each processor, and the log's head.
 * Blocking: call it off the event loop.
 */
@Component
class ControlStore {

	static final String REQUESTED = "REQUESTED";

	static final String RESETTING = "RESETTING";

	static final String DONE = "DONE";

	private final JdbcClient jdbc;

	ControlStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every processor an operator has acted on, by name. */
	Map<String, Control> all() {
		var controls = new LinkedHashMap<String, Control>();
		jdbc.sql("SELECT * FROM processor_control ORDER BY processor_name")
			.query(ControlStore::control)
			.list()
			.forEach(control -> controls.put(control.name(), control));
		return controls;
	}

	void paused(String name, boolean paused, Instant at) {
		var updated = jdbc.sql("UPDATE processor_control SET paused = ?, updated_at = ? WHERE processor_name = ?")
			.params(paused, sql(at), name)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO processor_control (processor_name, paused, updated_at) VALUES (?, ?, ?)")
				.params(name, paused, sql(at))
				.update();
		}
	}

	void resetRequested(String name, String resetId, Long after, Instant at) {
		var updated = jdbc
			.sql("""
					UPDATE processor_control SET reset_id = ?, reset_after = ?, reset_state = 'REQUESTED', reset_node = NULL,
					reset_requested_at = ?, reset_done_at = NULL, updated_at = ? WHERE processor_name = ?""")
			.params(resetId, after, sql(at), sql(at), name)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO processor_control (processor_name, paused, reset_id, reset_after, reset_state,
					reset_requested_at, updated_at) VALUES (?, FALSE, ?, ?, 'REQUESTED', ?, ?)""")
				.params(name, resetId, after, sql(at), sql(at))
				.update();
		}
	}

	/**
	 * Takes the reset for this node: only one node moves the tokens. A reset left
	 * {@code RESETTING} since {@code staleBefore} (its node died) may be taken again.
	 */
	boolean takeReset(String name, String resetId, String node, Instant now, Instant staleBefore) {
		return jdbc.sql("""
				UPDATE processor_control SET reset_state = 'RESETTING', reset_node = ?, updated_at = ?
				WHERE processor_name = ? AND reset_id = ?
				  AND (reset_state = 'REQUESTED' OR (reset_state = 'RESETTING' AND updated_at < ?))""")
			.params(node, sql(now), name, resetId, sql(staleBefore))
			.update() == 1;
	}

	void resetDone(String name, String resetId, Instant now) {
		jdbc.sql("""
				UPDATE processor_control SET reset_state = 'DONE', reset_done_at = ?, updated_at = ?
				WHERE processor_name = ? AND reset_id = ?""").params(sql(now), sql(now), name, resetId).update();
	}

	/** The newest position in the log, or -1 when it is empty. */
	long head() {
		return jdbc.sql("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry").query(Long.class).single();
	}

	/** When the first event after {@code position} was appended, if there is one. */
	Instant firstAfter(long position) {
		return jdbc
			.sql("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1")
			.param(position)
			.query(String.class)
			.optional()
			.map(Instant::parse)
			.orElse(null);
	}

	private static Control control(ResultSet rs, int row) throws SQLException {
		return new Control(rs.getString("processor_name"), rs.getBoolean("paused"), rs.getString("reset_id"),
				rs.getObject("reset_after", Long.class), rs.getString("reset_state"), rs.getString("reset_node"),
				instant(rs, "reset_requested_at"), instant(rs, "reset_done_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime sql(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * @param resetAfter the position the last reset resumes after; {@code null} for the
	 * tail, or when none was asked
	 */
	record Control(String name, boolean paused, String resetId, Long resetAfter, String resetState, String resetNode,
			Instant resetRequestedAt, Instant resetDoneAt, Instant updatedAt) {

		boolean resetPending() {
			return REQUESTED.equals(resetState) || RESETTING.equals(resetState);
		}

	}

}
