package dev.eventplatform.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys accepted as {@code Authorization: Bearer <key>}. Set them in configuration or
 * through environment variables ({@code PLATFORM_SECURITY_API_KEYS_0_KEY} or
 * {@code ..._0_KEYSHA256}, {@code ..._0_NAME}, {@code ..._0_ROLES}).
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(@DefaultValue List<ApiKey> apiKeys) {

	/**
	 * One accepted key, held as its SHA-256 digest only: a configured plaintext key is
	 * hashed while binding and not kept, so nothing reachable from the application
	 * context holds it.
	 */
	public static final class ApiKey {

		private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

		private final String name;

		private final byte[] sha256;

		private final Set<Role> roles;

		private final boolean demo;

		/**
		 * Exactly one of {@code key} and {@code keySha256} is set.
		 * @param name who holds the key; appears in logs and audit metadata, never the
		 * key itself
		 * @param key the secret in plain text; only its digest is kept
		 * @param keySha256 the secret's SHA-256 digest in hex, so the plaintext need not
		 * be configured
		 * @param roles what the key may do
		 * @param demo marks a publicly documented key: a warning is logged while one is
		 * active
		 */
		public ApiKey(String name, String key, String keySha256, Set<Role> roles, boolean demo) {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("An API key needs a name.");
			}
			boolean plain = key != null && !key.isBlank();
			boolean hashed = keySha256 != null && !keySha256.isBlank();
			if (plain == hashed) {
				throw new IllegalArgumentException("API key '" + name + "' needs exactly one of key and key-sha256.");
			}
			this.name = name;
			this.sha256 = plain ? sha256(key) : parseDigest(name, keySha256);
			this.roles = roles == null ? Set.of() : Set.copyOf(roles);
			this.demo = demo;
		}

		public String name() {
			return name;
		}

		public Set<Role> roles() {
			return roles;
		}

		public boolean demo() {
			return demo;
		}

		byte[] sha256() {
			return sha256.clone();
		}

		static byte[] sha256(String key) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is part of every JDK", ex);
			}
		}

		private static byte[] parseDigest(String name, String hex) {
			var digest = hex.trim();
			if (!SHA256_HEX.matcher(digest).matches()) {
				throw new IllegalArgumentException(
						"API key '" + name + "': key-sha256 must be 64 hex digits, the SHA-256 digest of the key.");
			}
			return HexFormat.of().parseHex(digest);
		}

		@Override
		public String toString() {
			return "ApiKey[name=" + name + ", roles=" + roles + ", demo=" + demo + "]";
		}

	}

}
