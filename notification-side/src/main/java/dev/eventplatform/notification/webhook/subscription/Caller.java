package dev.eventplatform.notification.webhook.subscription;

import dev.eventplatform.infrastructure.security.Role;
import org.springframework.security.core.Authentication;

/**
 * Who asks: a subscriber sees and changes only the subscriptions its key created, an
 * operator every one.
 *
 * @param name the API key's name
 */
public record Caller(String name, boolean operator) {

	public static Caller of(Authentication authentication) {
		var operator = authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> ("ROLE_" + Role.OPERATOR.name()).equals(authority.getAuthority()));
		return new Caller(authentication.getName(), operator);
	}

	boolean mayAccess(Subscription subscription) {
		return operator || name.equals(subscription.owner());
	}

}
