package dev.eventplatform.query;

import static org.awaitility.Awaitility.await;

import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderLine;
import dev.eventplatform.infrastructure.test.FreshPostgresDatabase;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The query side runs alone, as in a split deployment: events appended to the shared
 * store by another process reach its read model and its audit log. Its operator turned
 * the OpenAPI description (and with it Swagger UI) off.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "springdoc.api-docs.enabled=false")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
class QuerySideApplicationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	EventStore eventStore;

	@Test
	void projectsAndAuditsEventsItDidNotProduce() {
		var orderId = UUID.randomUUID().toString();
		eventStore.publish(new GenericDomainEventMessage<>("Order", orderId, 0, new OrderCreatedEvent(orderId, "cust-9",
				"EUR", List.of(new OrderLine("SKU-1", 3, new BigDecimal("2.00"))), new BigDecimal("6.00"))));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> client.get()
				.uri("/orders/" + orderId)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("CREATED")
				.jsonPath("$.total")
				.isEqualTo(6.0));
		client.get()
			.uri("/audit/events?subject=" + orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.events[0].eventType")
			.isEqualTo("order.created");
	}

	/**
	 * Turned off, the description and Swagger UI are gone, and their paths are not open.
	 */
	@Test
	void theDescriptionTurnedOffNeedsAKeyLikeAnyPath() {
		for (var path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
				"/swagger-ui/index.html")) {
			client.get().uri(path).exchange().expectStatus().isUnauthorized();
		}
		client.get()
			.uri("/v3/api-docs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.AUDIT)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
