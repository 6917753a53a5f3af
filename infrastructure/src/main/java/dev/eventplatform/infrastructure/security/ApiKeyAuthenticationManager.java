package dev.eventplatform.infrastructure.security;

import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

/**
 * Resolves a bearer API key to its holder and roles. Keys are known only by their SHA-256
 * digests, and every configured digest is compared in constant time, so timing reveals
 * nothing about them.
 */
class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	private record KnownKey(String name, byte[] digest, List<SimpleGrantedAuthority> authorities) {
	}

	private final List<KnownKey> keys;

	ApiKeyAuthenticationManager(List<SecurityProperties.ApiKey> apiKeys) {
		this.keys = apiKeys.stream()
			.map(key -> new KnownKey(key.name(), key.sha256(),
					key.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()))
			.toList();
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		var presented = SecurityProperties.ApiKey.sha256(String.valueOf(authentication.getCredentials()));
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

}
