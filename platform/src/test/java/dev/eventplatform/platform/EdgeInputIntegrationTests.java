package dev.eventplatform.platform;

import static dev.eventplatform.platform.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad input found at the edges of what parses: every one is a 400 problem with a stable
 * code, never a 500.
 */
@PlatformIntegrationTest
class EdgeInputIntegrationTests {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

	OrderApi api;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
	}

	/**
	 * Short, valid JSON numbers whose scale overflows BigDecimal arithmetic and
	 * toPlainString.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "1e2147483647", "1E+2147483647", "1e-2147483647", "\"1e2147483647\"", "1e101" })
	void anAbsurdExponentInAPriceIsRefusedNamingTheField(String unitPrice) {
		var body = """
				{"customerId":"c","currency":"EUR","lines":[{"sku":"A","quantity":1,"unitPrice":%s}]}"""
			.formatted(unitPrice);
		expectProblem(api.post("/orders", body), 400, "MALFORMED_REQUEST").jsonPath("$.field")
			.isEqualTo("lines[0].unitPrice");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e2147483647", "1e-2147483647" })
	void anAbsurdExponentInAPaymentIsRefusedNamingTheField(String amount) {
		var orderId = api.createOrder();
		expectProblem(api.post("/orders/" + orderId + "/payments", """
				{"amount":%s,"currency":"EUR"}""".formatted(amount)), 400, "MALFORMED_REQUEST").jsonPath("$.field")
			.isEqualTo("amount");
	}

	/**
	 * Which of two values the client meant is unclear, at the top or deeper down; nothing
	 * is appended.
	 */
	@Test
	void aCreateNamingAMemberTwiceIsRefused() {
		var customer = "cust-duplicate-" + System.nanoTime();
		for (var body : List.of(
				"""
						{"customerId":"%1$s","customerId":"%1$s-b","currency":"EUR","lines":[{"sku":"A","quantity":1,"unitPrice":1}]}""",
				"""
						{"customerId":"%1$s","currency":"EUR","lines":[{"sku":"A","sku":"B","quantity":1,"unitPrice":1}]}""")) {
			expectProblem(api.post("/orders", body.formatted(customer)), 400, "MALFORMED_REQUEST");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?")
			.param("%" + customer + "%")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Refused even when both values agree and the payment would otherwise be accepted.
	 */
	@Test
	void aPaymentNamingAMemberTwiceIsRefused() {
		var orderId = api.createOrder();
		expectProblem(api.post("/orders/" + orderId + "/payments", """
				{"amount":30.00,"currency":"EUR","amount":30.00}"""), 400, "MALFORMED_REQUEST");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(orderId)
			.query(Long.class)
			.single()).isEqualTo(1);
		api.post("/orders/" + orderId + "/payments", """
				{"amount":30.00,"currency":"EUR"}""").expectStatus().isOk();
	}

	/**
	 * Unknown members are ignored on purpose: a client may send what a newer version of
	 * the API reads.
	 */
	@Test
	void anUnknownMemberIsIgnored() {
		api.post("/orders",
				"""
						{"customerId":"c","currency":"EUR","lines":[{"sku":"A","quantity":1,"unitPrice":1,"note":"x"}],"channel":"web"}""")
			.expectStatus()
			.isCreated();
	}

	/** A number within the reader's range still meets the field's own rule. */
	@Test
	void aLargeButReadableExponentIsAValidationError() {
		expectProblem(api.post("/orders", """
				{"customerId":"c","currency":"EUR","lines":[{"sku":"A","quantity":1,"unitPrice":1e100}]}"""), 400,
				"VALIDATION_FAILED");
	}

	@Test
	void aMissingPrimitiveFieldIsNamed() {
		expectProblem(api.post("/orders", """
				{"customerId":"c","currency":"EUR","lines":[{"sku":"A","unitPrice":1},{"sku":"B","unitPrice":1}]}"""),
				400, "MALFORMED_REQUEST")
			.jsonPath("$.field")
			.isEqualTo("lines[0].quantity")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("lines[0].quantity"));
	}

	@Test
	void aFieldOfTheWrongTypeIsNamed() {
		expectProblem(api.post("/orders", """
				{"customerId":"c","currency":"EUR","lines":[{"sku":"A","quantity":"two","unitPrice":1}]}"""), 400,
				"MALFORMED_REQUEST")
			.jsonPath("$.field")
			.isEqualTo("lines[0].quantity");
	}

	/**
	 * Timestamps are stored as ISO-8601 text, which only orders correctly for four-digit
	 * years.
	 */
	@ParameterizedTest
	@CsvSource({ "from, +1000000000-01-01T00:00:00Z", "from, +10000-01-01T00:00:00Z", "to, +10000-01-01T00:00:00Z",
			"from, -0001-12-31T23:59:59Z", "to, -1000000000-01-01T00:00:00Z" })
	void anInstantOutsideFourDigitYearsIsRefused(String parameter, String instant) {
		expectProblem(client.get()
			.uri("/audit/events?{parameter}={instant}", parameter, instant)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT)
			.exchange(), 400, "INVALID_PARAMETER");
	}

	@Test
	void theFirstAndLastFourDigitYearsAreAccepted() {
		api.get("/audit/events?from=0000-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z&limit=1", TestApiKeys.AUDIT)
			.expectStatus()
			.isOk();
	}

	/**
	 * The security firewall refuses header values that decode to control characters, as
	 * UTF-8 does when read as ISO-8859-1; the header is sent as those raw bytes, as curl
	 * sends it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { IDEMPOTENCY_KEY, HttpHeaders.IF_MATCH })
	void aUtf8CommandHeaderIsRefused(String header) {
		var orderId = api.createOrder();
		var utf8 = new String("cl€".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		expectProblem(api.post("/orders", OrderApi.TWO_LINES, header, utf8), 400, "REQUEST_REJECTED");
		expectProblem(api.post("/orders/" + orderId + "/cancellation", Map.of("reason", "x"), header, utf8), 400,
				"REQUEST_REJECTED");
	}

	@Test
	void aUtf8CredentialIsRefused() {
		var utf8 = new String("Bearer cl€".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		expectProblem(client.get().uri("/orders").header(HttpHeaders.AUTHORIZATION, utf8).exchange(), 400,
				"REQUEST_REJECTED");
	}

	/**
	 * A comma is how HTTP joins repeated header lines, so "a1,a2" is two keys as well.
	 */
	@Test
	void twoIdempotencyKeysAreRefused() {
		expectProblem(client.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.COMMAND)
			.header(IDEMPOTENCY_KEY, "a1", "a2")
			.bodyValue(OrderApi.TWO_LINES)
			.exchange(), 400, "DUPLICATE_HEADER");
		expectProblem(api.post("/orders", OrderApi.TWO_LINES, IDEMPOTENCY_KEY, "a1,a2"), 400, "DUPLICATE_HEADER");
		expectProblem(api.post("/orders", OrderApi.TWO_LINES, IDEMPOTENCY_KEY, "a1, a1"), 400, "DUPLICATE_HEADER");
	}

}
