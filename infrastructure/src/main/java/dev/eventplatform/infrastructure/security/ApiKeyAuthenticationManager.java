package dev.eventplatform.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

/**
 * Resolves a bearer API key to its holder and roles. Keys are kept only as SHA-256 digests and
 * every configured key is compared in constant time, so timing reveals nothing about them.
 */
class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	private record KnownKey(String name, byte[] digest, List<SimpleGrantedAuthority> authorities) {
	}

	private final List<KnownKey> keys;

	ApiKeyAuthenticationManager(List<SecurityProperties.ApiKey> apiKeys) {
		this.keys = apiKeys.stream()
			.filter(key -> key.key() != null && !key.key().isBlank())
			.map(key -> new KnownKey(key.name(), digest(key.key()),
					key.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()))
			.toList();
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		var presented = digest(String.valueOf(authentication.getCredentials()));
		KnownKey match = null;
		for (var key : keys) {
			if (MessageDigest.isEqual(key.digest(), presented)) {
				match = key;
			}
		}
		if (match == null) {
			return Mono.error(new BadCredentialsException("Unknown API key"));
		}
		return Mono.just(UsernamePasswordAuthenticationToken.authenticated(match.name(), null, match.authorities()));
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
