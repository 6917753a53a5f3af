package dev.eventplatform.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.infrastructure.test.FreshPostgresDatabase;
import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The command side runs alone, as in a split deployment: commands are accepted and
 * stored. Its operator turned Swagger UI off.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "springdoc.swagger-ui.enabled=false")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
class CommandSideApplicationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Test
	void acceptsAndStoresCommandsWithoutTheOtherSides() {
		var orderId = client.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.COMMAND)
			.bodyValue(Map.of("customerId", "cust-1", "currency", "EUR", "lines",
					List.of(Map.of("sku", "SKU-1", "quantity", 1, "unitPrice", 9.99))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("orderId");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
			.param(orderId)
			.query(Long.class)
			.single()).isEqualTo(1);
		// The read model belongs to the query side, which does not run here.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'order_summary'")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Turned off, Swagger UI is gone and its paths are not open; the description, still
	 * on, is.
	 */
	@Test
	void swaggerUiTurnedOffNeedsAKeyLikeAnyPath() {
		client.get().uri("/swagger-ui.html").exchange().expectStatus().isUnauthorized();
		client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isUnauthorized();
		client.get()
			.uri("/swagger-ui.html")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestApiKeys.COMMAND)
			.exchange()
			.expectStatus()
			.isNotFound();
		client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
	}

}
