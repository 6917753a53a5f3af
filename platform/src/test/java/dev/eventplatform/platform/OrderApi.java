package dev.eventplatform.platform;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Small client for the order API used by the integration tests. */
record OrderApi(WebTestClient client) {

	static final Map<String, Object> TWO_LINES = Map.of("customerId", "cust-7", "currency", "EUR", "lines",
			java.util.List.of(Map.of("sku", "SKU-1", "quantity", 2, "unitPrice", 12.50),
					Map.of("sku", "SKU-2", "quantity", 1, "unitPrice", 5)));

	/** Creates the two-line order (total 30.00 EUR) and returns its id. */
	String createOrder() {
		return created(TWO_LINES);
	}

	/** Creates an order that must be accepted and returns its id. */
	String created(Object body, String... headers) {
		return post("/orders", body, headers).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("orderId")
			.toString();
	}

	WebTestClient.ResponseSpec post(String path, Object body, String... headers) {
		var request = client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.COMMAND);
		for (int i = 0; i < headers.length; i += 2) {
			request = request.header(headers[i], headers[i + 1]);
		}
		return request.bodyValue(body).exchange();
	}

	WebTestClient.ResponseSpec get(String path, String key) {
		return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
	}

	/**
	 * Status and problem code of an answer, to compare the answers of concurrent
	 * requests.
	 */
	static Answer answer(WebTestClient.ResponseSpec response) {
		var result = response.expectBody(Map.class).returnResult();
		var body = result.getResponseBody();
		return new Answer(result.getStatus().value(), body == null ? null : (String) body.get("code"));
	}

	/**
	 * @param code the problem's code, or {@code null} for a success
	 */
	record Answer(int status, String code) {

		static final Answer OK = new Answer(200, null);

	}

	static Map<String, Object> payment(String amount) {
		return Map.of("amount", new java.math.BigDecimal(amount), "currency", "EUR");
	}

	static Map<String, Object> shipment() {
		return Map.of("carrier", "DHL", "trackingNumber", "JD0146");
	}

}
