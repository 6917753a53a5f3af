package dev.eventplatform.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Keys are bound as digests: from a plaintext key or from its SHA-256, never keeping the
 * plaintext.
 */
class SecurityPropertiesTest {

	private static final String SECRET = "s3cret-key-value";

	@Test
	void aPlaintextKeyIsKeptOnlyAsItsDigest() {
		var properties = bind(Map.of("name", "team", "key", SECRET, "roles", "COMMAND,AUDIT"));

		var key = properties.apiKeys().get(0);
		assertThat(key.sha256()).isEqualTo(SecurityProperties.ApiKey.sha256(SECRET));
		assertThat(key.roles()).containsExactlyInAnyOrder(Role.COMMAND, Role.AUDIT);
		assertThat(authenticatedName(properties, SECRET)).isEqualTo("team");
	}

	@Test
	void aKeyCanBeConfiguredByItsDigestAlone() {
		var digest = HexFormat.of().formatHex(SecurityProperties.ApiKey.sha256(SECRET)).toUpperCase();
		var properties = bind(Map.of("name", "team", "key-sha256", digest, "roles", "AUDIT"));

		assertThat(authenticatedName(properties, SECRET)).isEqualTo("team");
		assertThatThrownBy(() -> authenticatedName(properties, digest)).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void aKeyNeedsExactlyOneSecretAndANameAndNeverEchoesTheSecret() {
		var digest = HexFormat.of().formatHex(SecurityProperties.ApiKey.sha256(SECRET));
		assertRefused(Map.of("name", "team", "roles", "AUDIT"), "exactly one of key and key-sha256");
		assertRefused(Map.of("name", "team", "key", "", "roles", "AUDIT"), "exactly one of key and key-sha256");
		assertRefused(Map.of("name", "team", "key", SECRET, "key-sha256", digest), "exactly one of key and key-sha256");
		assertRefused(Map.of("name", "team", "key-sha256", SECRET), "64 hex digits");
		assertRefused(Map.of("name", "team", "key-sha256", digest + "00"), "64 hex digits");
		assertRefused(Map.of("key", SECRET), "needs a name");
	}

	@Test
	void noKeysBindsToAnEmptyList() {
		assertThat(new Binder(new MapConfigurationPropertySource(Map.of("other", "x")))
			.bindOrCreate("platform.security", SecurityProperties.class)
			.apiKeys()).isEmpty();
	}

	private static void assertRefused(Map<String, String> apiKey, String reason) {
		assertThatThrownBy(() -> bind(apiKey)).isInstanceOf(BindException.class)
			.satisfies(ex -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains(reason)
				.doesNotContain(SECRET));
	}

	private static SecurityProperties bind(Map<String, String> apiKey) {
		var source = new MapConfigurationPropertySource();
		apiKey.forEach((name, value) -> source.put("platform.security.api-keys[0]." + name, value));
		return new Binder(source).bindOrCreate("platform.security", SecurityProperties.class);
	}

	private static String authenticatedName(SecurityProperties properties, String presented) {
		return new ApiKeyAuthenticationManager(properties.apiKeys())
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(null, presented))
			.block()
			.getName();
	}

}
