package dev.eventplatform.platform;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every error is problem+json with a stable code; this is how the tests check one. */
final class ProblemAssertions {

	private ProblemAssertions() {
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
