package dev.eventplatform.notification.stream;

import dev.eventplatform.infrastructure.security.QueryTokenAuthentication;
import dev.eventplatform.infrastructure.security.Role;
import dev.eventplatform.infrastructure.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Stream tokens for browsers, whose {@code EventSource} cannot send
 * {@code Authorization}: {@code POST /events/stream/tokens} issues them
 * ({@link StreamTokenController}), and {@code GET /events/stream?access_token=} accepts
 * them, on that request alone and with the {@code STREAM} role alone.
 */
@Configuration(proxyBeanMethods = false)
class StreamTokenConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StreamTokenConfiguration.class);

	/**
	 * Signs with {@code platform.stream.token-secret} (UTF-8, at least 32 bytes) when it
	 * is set; otherwise with a random secret made now, so that a token opens streams on
	 * this node only, and only until it restarts.
	 */
	@Bean
	StreamTokens streamTokens(StreamProperties properties, @Value("${platform.stream.token-secret:}") String secret) {
		byte[] key;
		if (secret.isEmpty()) {
			key = new byte[StreamTokens.MIN_SECRET_BYTES];
			new SecureRandom().nextBytes(key);
			log.info("Stream tokens are signed with a random secret made at start: they open streams on this node "
					+ "only, until it restarts. Give every node the same platform.stream.token-secret "
					+ "when several serve /events/stream.");
		}
		else {
			key = secret.getBytes(StandardCharsets.UTF_8);
		}
		return new StreamTokens(key, properties.tokenTtl(), Clock.systemUTC());
	}

	@Bean
	QueryTokenAuthentication streamTokenAuthentication(StreamTokens tokens, SecurityProperties keys) {
		return new StreamTokenAuthentication(tokens, keys.apiKeys());
	}

	/**
	 * Grants {@code STREAM} and nothing else, whatever other roles the key holds, and
	 * only while a key of that name still holds {@code STREAM}: a key removed from the
	 * configuration stops its tokens at the next start even when the secret stays.
	 */
	static final class StreamTokenAuthentication implements QueryTokenAuthentication {

		private static final ServerWebExchangeMatcher STREAM_OPENING = ServerWebExchangeMatchers
			.pathMatchers(HttpMethod.GET, "/events/stream");

		private static final List<SimpleGrantedAuthority> STREAM_ONLY = List
			.of(new SimpleGrantedAuthority("ROLE_" + Role.STREAM.name()));

		private final StreamTokens tokens;

		private final List<SecurityProperties.ApiKey> keys;

		StreamTokenAuthentication(StreamTokens tokens, List<SecurityProperties.ApiKey> keys) {
			this.tokens = tokens;
			this.keys = keys;
		}

		@Override
		public ServerWebExchangeMatcher requests() {
			return STREAM_OPENING;
		}

		@Override
		public Mono<Authentication> authenticate(String token) {
			return Mono.fromCallable(() -> {
				var holder = tokens.verify(token);
				var streaming = holder.roles().contains(Role.STREAM) && keys.stream()
					.anyMatch(key -> key.name().equals(holder.keyName()) && key.roles().contains(Role.STREAM));
				if (!streaming) {
					throw new BadCredentialsException("The access_token's key may no longer open the stream.");
				}
				return UsernamePasswordAuthenticationToken.authenticated(holder.keyName(), null, STREAM_ONLY);
			});
		}

	}

}
