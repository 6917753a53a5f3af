package dev.eventplatform.command.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;

import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * Headers are checked before any command is sent: a malformed one must never reach the
 * aggregate.
 */
class CommandContextTest {

	private static final Principal CALLER = () -> "domain-team-key";

	private static final String PATH = "/orders/order-1/payments";

	// If-Match

	@Test
	void canReadAQuotedVersionFromIfMatch() {
		var context = CommandContext.of(exchange(PATH, "\"3\""), CALLER, null);

		assertThat(context.expectedVersion()).isEqualTo(3L);
	}

	@Test
	void canReadVersionZeroFromIfMatch() {
		assertThat(CommandContext.of(exchange(PATH, "\"0\""), CALLER, null).expectedVersion()).isZero();
	}

	@Test
	void shouldExpectAnyVersionWithoutIfMatch() {
		var context = CommandContext.of(exchange(PATH), CALLER, null);

		assertThat(context.expectedVersion()).isNull();
	}

	@Test
	void shouldExpectAnyVersionForIfMatchStar() {
		assertThat(CommandContext.of(exchange(PATH, "*"), CALLER, null).expectedVersion()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"", "", "3", "\"*\"", "\"99999999999999999999\"", "W/\"3\"", "abc", "\"abc\"",
			"-1", "\"-1\"", "\"3.0\"", "\"9223372036854775808\"", "\"3\", \"4\"", "*, \"3\"" })
	void cannotUseAMalformedIfMatch(String ifMatch) {
		assertThatThrownBy(() -> CommandContext.of(exchange(PATH, ifMatch), CALLER, null)).isInstanceOfSatisfying(
				CodedException.class, ex -> assertThat(ex.code()).isEqualTo(PlatformErrorCode.INVALID_IF_MATCH));
	}

	@Test
	void cannotSendIfMatchTwice() {
		// Two header lines name two versions: the command would be ambiguous.
		assertThatThrownBy(() -> CommandContext.of(exchange(PATH, "\"3\"", "\"4\""), CALLER, null))
			.isInstanceOfSatisfying(CodedException.class,
					ex -> assertThat(ex.code()).isEqualTo(PlatformErrorCode.INVALID_IF_MATCH));
	}

	// Idempotency-Key

	@Test
	void canKeepAValidIdempotencyKey() {
		var context = CommandContext.of(exchange(PATH), CALLER, "7f1c2a9e-key_01.retry~2");

		assertThat(context.idempotencyKey()).isEqualTo("7f1c2a9e-key_01.retry~2");
	}

	@Test
	void canUseAnIdempotencyKeyOfTheMaximumLength() {
		var key = "k".repeat(255);

		assertThat(CommandContext.of(exchange(PATH), CALLER, key).idempotencyKey()).isEqualTo(key);
	}

	@Test
	void shouldNotDeduplicateWithoutAnIdempotencyKey() {
		assertThat(CommandContext.of(exchange(PATH), CALLER, null).idempotencyKey()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "   \t", "schlüssel", "ключ", "key\u0000", "key\u001f", "key\u007f", "key\nvalue",
			"two words" })
	void cannotUseAMalformedIdempotencyKey(String key) {
		assertThatThrownBy(() -> CommandContext.of(exchange(PATH), CALLER, key)).isInstanceOfSatisfying(
				CodedException.class, ex -> assertThat(ex.code()).isEqualTo(PlatformErrorCode.INVALID_IDEMPOTENCY_KEY));
	}

	@Test
	void cannotUseAnIdempotencyKeyLongerThan255Characters() {
		assertThatThrownBy(() -> CommandContext.of(exchange(PATH), CALLER, "k".repeat(256))).isInstanceOfSatisfying(
				CodedException.class, ex -> assertThat(ex.code()).isEqualTo(PlatformErrorCode.INVALID_IDEMPOTENCY_KEY));
	}

	// Context

	@Test
	void shouldCarryTheCallerAndTheTarget() {
		var context = CommandContext.of(exchange(PATH), CALLER, null);

		assertThat(context.principal()).isEqualTo("domain-team-key");
		assertThat(context.target()).isEqualTo("POST " + PATH);
	}

	// Signature

	@Test
	void shouldSignEqualRequestsEqually() {
		var first = CommandContext.of(exchange(PATH), CALLER, "key-1");
		var retry = CommandContext.of(exchange(PATH), CALLER, "key-1");

		assertThat(retry.fingerprint(new Body("28.50", "EUR"))).isEqualTo(first.fingerprint(new Body("28.50", "EUR")));
	}

	@Test
	void shouldSignDifferentBodiesDifferently() {
		var context = CommandContext.of(exchange(PATH), CALLER, "key-1");

		assertThat(context.fingerprint(new Body("28.50", "EUR")))
			.isNotEqualTo(context.fingerprint(new Body("28.50", "USD")));
	}

	@Test
	void shouldSignDifferentPathsDifferently() {
		// The same key and body sent to another order is another request.
		var one = CommandContext.of(exchange("/orders/order-1/payments"), CALLER, "key-1");
		var other = CommandContext.of(exchange("/orders/order-2/payments"), CALLER, "key-1");

		assertThat(one.fingerprint(new Body("28.50", "EUR"))).isNotEqualTo(other.fingerprint(new Body("28.50", "EUR")));
	}

	private static MockServerWebExchange exchange(String path, String... ifMatch) {
		var request = MockServerHttpRequest.post(path);
		if (ifMatch.length > 0) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return MockServerWebExchange.from(request);
	}

	/**
	 * Stands in for a request record: signatures rely on value-based {@code toString()}.
	 */
	private record Body(String amount, String currency) {
	}

}
