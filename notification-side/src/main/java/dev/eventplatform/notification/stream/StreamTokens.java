package dev.eventplatform.notification.stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.eventplatform.infrastructure.security.Role;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;

/**
 * Short-lived stream tokens: a JWT (RFC 7519) signed with HMAC-SHA256 under the node's
 * secret, naming the key's holder ({@code sub}) and roles ({@code roles}), for the
 * audience {@value #AUDIENCE} only, and expiring ({@code exp}) after the configured time
 * to live. Whoever holds the secret can mint tokens, so every node that serves the stream
 * needs the same one, and no one else.
 */
final class StreamTokens {

	/**
	 * The {@code aud} of every token: a token is for opening the event stream, and
	 * nothing else, even if other kinds of tokens come later under the same secret.
	 */
	static final String AUDIENCE = "events-stream";

	/** HMAC-SHA256 needs a key of at least 256 bits (RFC 7518, section 3.2). */
	static final int MIN_SECRET_BYTES = 32;

	private static final JOSEObjectType TYPE = new JOSEObjectType("stream+jwt");

	private static final String ROLES = "roles";

	private static final String INVALID = "The access_token is not a valid stream token: "
			+ "get a new one with POST /events/stream/tokens.";

	private static final String EXPIRED = "The access_token expired: get a new one with POST /events/stream/tokens.";

	/** The holder a valid token names. */
	record Holder(String keyName, Set<Role> roles) {
	}

	/** A new token and the instant it stops being accepted. */
	record Issued(String token, Instant expiresAt) {
	}

	private final MACSigner signer;

	private final MACVerifier verifier;

	private final Duration ttl;

	private final Clock clock;

	/**
	 * @param secret at least {@value #MIN_SECRET_BYTES} bytes
	 * @param ttl how long a token is accepted, a whole number of seconds of at least one
	 */
	StreamTokens(byte[] secret, Duration ttl, Clock clock) {
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("platform.stream.token-secret must be at least " + MIN_SECRET_BYTES
					+ " bytes (256 bits), for example the output of 'openssl rand -base64 48'.");
		}
		if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.getNano() != 0) {
			throw new IllegalArgumentException("platform.stream.token-ttl must be a whole number of seconds, "
					+ "at least 1s: a token's expiry is stored in seconds.");
		}
		try {
			this.signer = new MACSigner(secret);
			this.verifier = new MACVerifier(secret);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("Unusable stream token secret", ex);
		}
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * A token for the key {@code keyName} holding {@code roles}, accepted from now until
	 * now plus the time to live (the time in the token is in whole seconds, so the end is
	 * rounded down).
	 */
	Issued issue(String keyName, Collection<Role> roles) {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var expiresAt = now.plus(ttl);
		var claims = new JWTClaimsSet.Builder().subject(keyName)
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.claim(ROLES, roles.stream().map(Role::name).sorted().toList())
			.build();
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a stream token", ex);
		}
		return new Issued(jwt.serialize(), expiresAt);
	}

	/**
	 * The holder a token names, if this secret signed it with HS256 for the stream and it
	 * has not expired; otherwise a {@link BadCredentialsException} (or its
	 * {@link CredentialsExpiredException}) whose message names no secret.
	 */
	Holder verify(String token) {
		JWTClaimsSet claims;
		try {
			var jwt = SignedJWT.parse(token);
			// The algorithm is fixed, never taken from the token ("alg": "none", or
			// another family under the same key bytes).
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
					|| !jwt.verify(verifier)) {
				throw new BadCredentialsException(INVALID);
			}
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException | JOSEException | IllegalStateException ex) {
			throw new BadCredentialsException(INVALID);
		}
		var expiry = claims.getExpirationTime();
		if (claims.getSubject() == null || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)
				|| expiry == null) {
			throw new BadCredentialsException(INVALID);
		}
		if (!clock.instant().isBefore(expiry.toInstant())) {
			throw new CredentialsExpiredException(EXPIRED);
		}
		return new Holder(claims.getSubject(), roles(claims));
	}

	private static Set<Role> roles(JWTClaimsSet claims) {
		List<String> names;
		try {
			names = claims.getStringListClaim(ROLES);
		}
		catch (ParseException ex) {
			throw new BadCredentialsException(INVALID);
		}
		var roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			// A role that no longer exists grants nothing.
			names.stream()
				.filter(name -> Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name)))
				.forEach(name -> roles.add(Role.valueOf(name)));
		}
		return roles;
	}

}
