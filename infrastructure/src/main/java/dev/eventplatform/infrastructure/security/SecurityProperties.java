package dev.eventplatform.infrastructure.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys accepted as {@code Authorization: Bearer <key>}. Set them in configuration or through
 * environment variables ({@code PLATFORM_SECURITY_API_KEYS_0_KEY}, {@code ..._0_NAME},
 * {@code ..._0_ROLES}).
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(@DefaultValue List<ApiKey> apiKeys) {

	/**
	 * @param name who holds the key; appears in logs and audit metadata, never the key itself
	 * @param key the secret
	 * @param roles what the key may do
	 * @param demo marks a publicly documented key: a warning is logged while one is active
	 */
	public record ApiKey(String name, String key, Set<Role> roles, boolean demo) {

		@Override
		public String toString() {
			return "ApiKey[name=" + name + ", roles=" + roles + ", demo=" + demo + "]";
		}

	}

}
