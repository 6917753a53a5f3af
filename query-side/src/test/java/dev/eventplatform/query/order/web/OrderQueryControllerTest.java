package dev.eventplatform.query.order.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.eventplatform.infrastructure.security.ApiKeySecurityConfiguration;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import dev.eventplatform.infrastructure.web.ProblemDetailsAdvice;
import dev.eventplatform.query.QueryAccessConfiguration;
import dev.eventplatform.query.order.OrderSummaries;
import dev.eventplatform.query.order.OrderSummaries.AtPosition;
import dev.eventplatform.query.order.OrderSummary;
import dev.eventplatform.query.order.OrderSummaryLine;
import dev.eventplatform.query.order.OrderSummaryStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pattern for a controller test that needs no database: the WebFlux slice with the
 * real API-key security and problem rendering, the controller's collaborators mocked,
 * requests through {@link WebTestClient} without a server.
 */
@WebFluxTest
@ActiveProfiles("test")
class OrderQueryControllerTest {

	/**
	 * Only what the slice needs, instead of the side's configuration, which would scan
	 * everything.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import({ OrderQueryController.class, ApiKeySecurityConfiguration.class, QueryAccessConfiguration.class,
			ProblemDetailsAdvice.class })
	static class Slice {

	}

	private static final OrderSummary PAID = new OrderSummary("order-1", "cust-7", "EUR", new BigDecimal("30.00"),
			OrderSummaryStatus.PAID, 1, null, null, null, Instant.parse("2026-11-27T10:00:00Z"),
			Instant.parse("2026-11-27T10:05:00Z"), List.of(new OrderSummaryLine("SKU-1", 2, new BigDecimal("15.00"))));

	@Autowired
	WebTestClient client;

	@MockitoBean
	OrderSummaries orders;

	@Test
	void anOrderIsReadWithItsVersionAsETagAndTheModelsPosition() {
		given(orders.find("order-1")).willReturn(new AtPosition<>(Optional.of(PAID), 41));

		get("/orders/order-1", TestApiKeys.AUDIT).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectHeader()
			.valueEquals("Read-Model-Position", "41")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAID")
			.jsonPath("$.total")
			.isEqualTo(30.0)
			.jsonPath("$.lines[0].sku")
			.isEqualTo("SKU-1");
	}

	@Test
	void anUnknownOrderIsANotFoundProblem() {
		given(orders.find("no-such-order")).willReturn(new AtPosition<>(Optional.empty(), 41));

		expectProblem(get("/orders/no-such-order", TestApiKeys.COMMAND), 404, "NOT_FOUND");
	}

	@Test
	void anUnknownStatusIsRefusedBeforeTheReadModelIsAsked() {
		expectProblem(get("/orders?status=lost", TestApiKeys.AUDIT), 400, "INVALID_PARAMETER");
		verifyNoInteractions(orders);
	}

	@Test
	void onlyKeysWithACommandOrAuditRoleMayRead() {
		expectProblem(client.get().uri("/orders/order-1").exchange(), 401, "UNAUTHENTICATED");
		expectProblem(get("/orders/order-1", TestApiKeys.SUBSCRIBER), 403, "FORBIDDEN");
		verifyNoInteractions(orders);
	}

	private WebTestClient.ResponseSpec get(String path, String key) {
		return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
	}

	private static void expectProblem(WebTestClient.ResponseSpec response, int status, String code) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
	}

}
