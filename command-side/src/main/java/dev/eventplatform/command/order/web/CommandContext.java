package dev.eventplatform.command.order.web;

import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a command request carries besides its body: the caller, the optional Idempotency-Key, and
 * the optional {@code If-Match} version. Malformed headers are rejected before anything is sent.
 *
 * @param principal name of the caller's API key
 * @param idempotencyKey the key, or {@code null} when the request is not to be deduplicated
 * @param expectedVersion the version named by {@code If-Match}, or {@code null} for any version
 * @param target method and path, part of what identifies a retried request
 */
record CommandContext(String principal, String idempotencyKey, Long expectedVersion, String target) {

	private static final int MAX_KEY_LENGTH = 255;

	static CommandContext of(ServerWebExchange exchange, Principal principal, String idempotencyKey) {
		var request = exchange.getRequest();
		return new CommandContext(principal.getName(), validKey(idempotencyKey),
				expectedVersion(ifMatchValues(request.getHeaders().getValuesAsList(HttpHeaders.IF_MATCH))), request.getMethod() + " " + request.getPath());
	}

	private static java.util.List<String> ifMatchValues(java.util.List<String> headerValues) {
		return headerValues.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
	}

	private static String validKey(String key) {
		if (key == null) {
			return null;
		}
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			throw new InvalidCommandHeaderException("INVALID_IDEMPOTENCY_KEY",
					"Idempotency-Key must be 1 to 255 visible ASCII characters.");
		}
		return key;
	}

	private static Long expectedVersion(java.util.List<String> ifMatch) {
		if (ifMatch.isEmpty() || (ifMatch.size() == 1 && ifMatch.get(0).equals("*"))) {
			return null;
		}
		if (ifMatch.size() > 1) {
			throw new InvalidCommandHeaderException("INVALID_IF_MATCH", "If-Match must name exactly one version.");
		}
		var tag = ifMatch.get(0);
		if (tag.startsWith("W/")) {
			throw new InvalidCommandHeaderException("INVALID_IF_MATCH",
					"If-Match needs a strong ETag such as \"3\", as returned by the last command.");
		}
		var unquoted = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1)
				: tag;
		try {
			var version = Long.parseLong(unquoted);
			if (version < 0) {
				throw new NumberFormatException();
			}
			return version;
		}
		catch (NumberFormatException ex) {
			throw new InvalidCommandHeaderException("INVALID_IF_MATCH",
					"If-Match must be an ETag returned by this API, such as \"3\".");
		}
	}

	/** Identifies the request for idempotency: a retry must repeat method, path and body exactly. */
	String signature(Object body) {
		return target + "\n" + body;
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

}
