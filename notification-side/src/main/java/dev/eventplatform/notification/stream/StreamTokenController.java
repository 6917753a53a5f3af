package dev.eventplatform.notification.stream;

import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /events/stream/tokens}: a short-lived token that opens the stream from a
 * browser, obtained with the key in {@code Authorization} so that the key never appears
 * in a URL. Spring Security's default headers already mark the answer
 * {@code Cache-Control: no-store}.
 */
@RestController
@Tag(name = "Event stream")
class StreamTokenController {

	private static final String ROLE_PREFIX = "ROLE_";

	private final StreamTokens tokens;

	StreamTokenController(StreamTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/events/stream/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Get a short-lived token that opens the event stream from a browser",
			description = "For `EventSource`, which cannot send `Authorization`: open "
					+ "`GET /events/stream?access_token=<token>` before `expiresAt`. The token is accepted on that "
					+ "request only, as this key with the `STREAM` role only; an open stream is not cut when it "
					+ "expires, but a reconnect after that needs a new token. See docs/api/stream.md.")
	@ApiContract(roles = Role.STREAM)
	StreamToken create(Authentication authentication) {
		var roles = authentication.getAuthorities()
			.stream()
			.map(authority -> String.valueOf(authority.getAuthority()))
			.filter(authority -> authority.startsWith(ROLE_PREFIX))
			.map(authority -> authority.substring(ROLE_PREFIX.length()))
			.filter(name -> Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name)))
			.map(Role::valueOf)
			.toList();
		var issued = tokens.issue(authentication.getName(), roles);
		return new StreamToken(issued.token(), issued.expiresAt());
	}

	/**
	 * @param token send it as {@code access_token} when opening
	 * {@code GET /events/stream}
	 * @param expiresAt the stream no longer opens with it from this instant on
	 */
	record StreamToken(String token, Instant expiresAt) {
	}

}
