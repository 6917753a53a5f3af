package dev.eventplatform.query.order;

import dev.eventplatform.infrastructure.test.FreshPostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

/** The writer on PostgreSQL: {@code INSERT ... ON CONFLICT}. */
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
class OrderSummaryWriterOnPostgresIntegrationTests extends OrderSummaryWriterIntegrationTests {

}
