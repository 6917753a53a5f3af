package dev.eventplatform.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursor: the global index of the last event a page returned. */
public record AuditCursor(long position) {

	private static final String PREFIX = "p1:";

	public static final AuditCursor START = new AuditCursor(0);

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws IllegalArgumentException for anything this class did not encode
	 */
	public static AuditCursor decode(String cursor) {
		try {
			var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!text.startsWith(PREFIX)) {
				throw new IllegalArgumentException("unknown cursor format");
			}
			var position = Long.parseLong(text.substring(PREFIX.length()));
			if (position < 0) {
				throw new IllegalArgumentException("negative position");
			}
			return new AuditCursor(position);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid cursor: use the 'next' value of a previous page.", ex);
		}
	}

}
