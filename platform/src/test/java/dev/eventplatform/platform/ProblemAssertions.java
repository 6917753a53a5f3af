package dev.eventplatform.platform;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every error is problem+json with a stable code; this is how the tests check one. */
final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * The answer to a command whose {@code If-Match} names a version the resource has
	 * left; the one place that knows it (DESIGN section 4 asks for 412
	 * PRECONDITION_FAILED).
	 */
	static WebTestClient.BodyContentSpec expectStaleIfMatch(WebTestClient.ResponseSpec response) {
		return expectProblem(response, 412, "PRECONDITION_FAILED");
	}

	static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String code) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
	}

}
