package dev.eventplatform.command.order.web;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a command request carries besides its body: the caller, the optional
 * Idempotency-Key, and the optional {@code If-Match} version. Malformed headers are
 * rejected before anything is sent.
 *
 * @param principal name of the caller's API key
 * @param idempotencyKey the key, or {@code null} when the request is not to be
 * deduplicated
 * @param conditional whether the request has an {@code If-Match} (even {@code *})
 * @param expectedVersion the version named by {@code If-Match}, or {@code null} for any
 * version
 * @param target method and path, part of what identifies a retried request
 */
record CommandContext(String principal, String idempotencyKey, boolean conditional, Long expectedVersion,
		String target) {

	private static final int MAX_KEY_LENGTH = 255;

	private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"(\\d{1,19})\"");

	static CommandContext of(ServerWebExchange exchange, Principal principal, String idempotencyKey) {
		var request = exchange.getRequest();
		var ifMatch = request.getHeaders().getOrEmpty(HttpHeaders.IF_MATCH);
		return new CommandContext(principal.getName(), validKey(idempotencyKey), !ifMatch.isEmpty(),
				expectedVersion(ifMatch), request.getMethod() + " " + request.getPath());
	}

	private static String validKey(String key) {
		if (key == null) {
			return null;
		}
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			throw new CodedException(PlatformErrorCode.INVALID_IDEMPOTENCY_KEY,
					"Idempotency-Key must be 1 to 255 visible ASCII characters.");
		}
		return key;
	}

	/**
	 * Parses the raw header: a present but empty or malformed If-Match must be rejected,
	 * never read as "no condition", or a conditional update would silently become
	 * unconditional.
	 */
	private static Long expectedVersion(List<String> headerLines) {
		if (headerLines.isEmpty()) {
			return null;
		}
		var tags = headerLines.stream().flatMap(line -> Arrays.stream(line.split(","))).map(String::trim).toList();
		if (tags.size() != 1) {
			throw new CodedException(PlatformErrorCode.INVALID_IF_MATCH, "If-Match must name exactly one version.");
		}
		var tag = tags.get(0);
		if (tag.equals("*")) {
			return null;
		}
		var matcher = STRONG_VERSION_TAG.matcher(tag);
		if (!matcher.matches()) {
			throw new CodedException(PlatformErrorCode.INVALID_IF_MATCH,
					"If-Match must be a strong ETag returned by this API, such as \"3\".");
		}
		try {
			return Long.parseLong(matcher.group(1));
		}
		catch (NumberFormatException ex) {
			throw new CodedException(PlatformErrorCode.INVALID_IF_MATCH, "If-Match names a version out of range.");
		}
	}

	/**
	 * Identifies the request for idempotency: a retry must repeat method, path and body
	 * exactly.
	 */
	String fingerprint(Object body) {
		return target + "\n" + body;
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

}
