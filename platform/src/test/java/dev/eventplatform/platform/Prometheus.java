package dev.eventplatform.platform;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads {@code /actuator/prometheus} with the operator key. */
final class Prometheus {

	/** The scrape is larger than the API's 64 KB limit on bodies. */
	private static final int MAX_BYTES = 4 * 1024 * 1024;

	private Prometheus() {
	}

	static String scrape(WebTestClient client) {
		return client.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BYTES))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.OPERATOR)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
