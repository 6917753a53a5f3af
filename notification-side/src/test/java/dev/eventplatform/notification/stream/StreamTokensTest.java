package dev.eventplatform.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.eventplatform.infrastructure.security.Role;
import dev.eventplatform.infrastructure.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.GrantedAuthority;
import reactor.test.StepVerifier;

class StreamTokensTest {

	private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

	private static final Instant ISSUED = Instant.parse("2026-11-27T17:00:00.400Z");

	private static final Duration TTL = Duration.ofSeconds(2);

	private final StreamTokens issuer = at(ISSUED);

	@Test
	void aTokenNamesTheKeyAndItsRolesAndExpiresAfterItsTimeToLive() {
		var issued = issuer.issue("dashboards", List.of(Role.STREAM, Role.AUDIT));

		assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-27T17:00:02Z"));
		assertThat(issued.token()).doesNotContain("dashboards").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		var holder = at(Instant.parse("2026-11-27T17:00:01.999Z")).verify(issued.token());
		assertThat(holder.keyName()).isEqualTo("dashboards");
		assertThat(holder.roles()).containsExactlyInAnyOrder(Role.STREAM, Role.AUDIT);
	}

	@Test
	void anExpiredTokenIsRefused() {
		var token = issuer.issue("dashboards", List.of(Role.STREAM)).token();

		for (var later : List.of("2026-11-27T17:00:02Z", "2026-11-27T18:00:00Z")) {
			assertThatExceptionOfType(CredentialsExpiredException.class)
				.isThrownBy(() -> at(Instant.parse(later)).verify(token))
				.withMessageContaining("expired");
		}
	}

	@Test
	void aTamperedTokenIsRefused() {
		var token = issuer.issue("dashboards", List.of(Role.STREAM)).token();
		var parts = token.split("\\.");
		var claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		var forgedClaims = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims.replace("STREAM", "OPERATOR").getBytes(StandardCharsets.UTF_8));
		var lastSignatureChar = parts[2].charAt(parts[2].length() - 1);

		for (var bad : List.of(parts[0] + "." + forgedClaims + "." + parts[2],
				token.substring(0, token.length() - 1) + (lastSignatureChar == 'A' ? 'Q' : 'A'),
				parts[0] + "." + parts[1] + ".", "not-a-token", "", "a.b.c")) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> issuer.verify(bad));
		}
	}

	@Test
	void aTokenSignedWithAnotherSecretOrAlgorithmIsRefused() {
		var otherSecret = new StreamTokens("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8), TTL,
				Clock.fixed(ISSUED, ZoneOffset.UTC));
		var token = otherSecret.issue("dashboards", List.of(Role.STREAM)).token();
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> issuer.verify(token));

		var parts = issuer.issue("dashboards", List.of(Role.STREAM)).token().split("\\.");
		var none = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"stream+jwt\"}".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> issuer.verify(none + "." + parts[1] + "."));
	}

	@Test
	void severalNodesWithTheSameSecretAcceptEachOthersTokens() {
		var token = issuer.issue("dashboards", List.of(Role.STREAM)).token();
		var otherNode = new StreamTokens(SECRET.clone(), Duration.ofMinutes(5), Clock.fixed(ISSUED, ZoneOffset.UTC));
		assertThat(otherNode.verify(token).keyName()).isEqualTo("dashboards");
	}

	@Test
	void aShortOrMissingSecretAndAFractionalTimeToLiveAreRefused() {
		var clock = Clock.systemUTC();
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamTokens(new byte[31], TTL, clock))
			.withMessageContaining("platform.stream.token-secret");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamTokens(SECRET, Duration.ofMillis(1500), clock))
			.withMessageContaining("platform.stream.token-ttl");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamTokens(SECRET, Duration.ZERO, clock));
	}

	@Test
	void aTokenGrantsTheStreamRoleAloneWhileItsKeyStillHoldsIt() {
		var keys = List.of(
				new SecurityProperties.ApiKey("dashboards", "k1-dashboards", null, Set.of(Role.STREAM, Role.AUDIT),
						false),
				new SecurityProperties.ApiKey("auditors", "k2-auditors", null, Set.of(Role.AUDIT), false));
		var authentication = new StreamTokenConfiguration.StreamTokenAuthentication(at(ISSUED), keys);

		StepVerifier
			.create(authentication.authenticate(issuer.issue("dashboards", List.of(Role.STREAM, Role.AUDIT)).token()))
			.assertNext(holder -> {
				assertThat(holder.getName()).isEqualTo("dashboards");
				assertThat(holder.getAuthorities()).extracting(GrantedAuthority::getAuthority)
					.containsExactly("ROLE_STREAM");
			})
			.verifyComplete();
		// A key removed from the configuration, and a token without STREAM, open nothing.
		StepVerifier.create(authentication.authenticate(issuer.issue("gone", List.of(Role.STREAM)).token()))
			.verifyError(BadCredentialsException.class);
		StepVerifier.create(authentication.authenticate(issuer.issue("auditors", List.of(Role.AUDIT)).token()))
			.verifyError(BadCredentialsException.class);
	}

	private static StreamTokens at(Instant now) {
		return new StreamTokens(SECRET, TTL, Clock.fixed(now, ZoneOffset.UTC));
	}

}
