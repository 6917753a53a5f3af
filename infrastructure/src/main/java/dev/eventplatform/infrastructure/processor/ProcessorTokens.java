package dev.eventplatform.infrastructure.processor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token store's rows as every node sees them: what each processor has committed,
 * whichever node owns its segments. Blocking: call it off the event loop.
 */
@Component
public class ProcessorTokens {

	private static final String COLUMNS = "SELECT processor_name, segment, owner, claimed_at, token, token_type FROM token_entry";

	private final JdbcClient jdbc;

	private final Serializer serializer;

	ProcessorTokens(JdbcClient jdbc, Serializer serializer) {
		this.jdbc = jdbc;
		this.serializer = serializer;
	}

	/** Every segment of every processor. */
	List<TokenRow> all() {
		return jdbc.sql(COLUMNS + " ORDER BY processor_name, segment").query(this::row).list();
	}

	/** The segments of one processor. */
	public List<TokenRow> of(String processor) {
		return jdbc.sql(COLUMNS + " WHERE processor_name = ? ORDER BY segment")
			.param(processor)
			.query(this::row)
			.list();
	}

	private TokenRow row(ResultSet rs, int row) throws SQLException {
		var token = rs.getBytes(5);
		var type = rs.getString(6);
		return new TokenRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
				token == null || type == null ? null
						: serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)));
	}

	/**
	 * The lowest committed position over a processor's segments: every event up to it has
	 * been handled. -1 when none has.
	 */
	public static long committed(List<TokenRow> segments) {
		return segments.stream().mapToLong(TokenRow::position).min().orElse(-1);
	}

	/**
	 * One segment's row: {@code claimedAt} as the token store writes it; {@code token}
	 * {@code null} before the segment stored a position.
	 */
	public record TokenRow(String processor, int segment, String owner, String claimedAt, TrackingToken token) {

		/** Its position, -1 before the first event. */
		public long position() {
			return token == null ? -1 : token.position().orElse(-1);
		}

		/**
		 * It is replaying events it handled before a reset: it has not yet reached the
		 * position the reset found. (Axon keeps a replay token until an event past that
		 * position arrives; having reached it is enough.)
		 */
		public boolean replaying() {
			return token instanceof ReplayToken replay
					&& (replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset()));
		}

	}

}
