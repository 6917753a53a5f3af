package dev.eventplatform.infrastructure.security;

import java.util.List;

/**
 * Static files that a browser loads before it has a key, such as a page that then asks
 * for one. Anyone may {@code GET} or {@code HEAD} them: credentials are not read there,
 * and every answer carries a strict Content-Security-Policy. A feature declares one bean
 * for its own paths; put nothing but static files under them.
 *
 * @param paths path patterns, such as {@code /dashboard/**}
 */
public record PublicPages(List<String> paths) {

	public PublicPages {
		paths = List.copyOf(paths);
	}

	public static PublicPages of(String... paths) {
		return new PublicPages(List.of(paths));
	}

}
