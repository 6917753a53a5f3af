package dev.eventplatform.query.order;

import org.springframework.test.context.TestPropertySource;

/** The writer on the embedded default's H2: {@code MERGE}. */
@TestPropertySource(
		properties = { "spring.datasource.url=jdbc:h2:mem:order-summary-writer;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=" })
class OrderSummaryWriterOnH2IntegrationTests extends OrderSummaryWriterIntegrationTests {

}
