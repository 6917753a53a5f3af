package dev.eventplatform.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.query.QuerySideApplication;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The writer folds an order's later events into the insert of a batch that creates it,
 * and brings a row that was there already forward to them, never back. Driven with a
 * processor batch of its own, so that both events are in one batch for certain. The
 * statements differ per database: each subclass runs these on one.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = "springdoc.api-docs.enabled=false")
@ActiveProfiles("test")
abstract class OrderSummaryWriterIntegrationTests {

	private static final Instant CREATED_AT = Instant.parse("2026-11-28T10:00:00Z");

	private static final Instant PAID_AT = Instant.parse("2026-11-28T10:05:00Z");

	@Autowired
	OrderSummaryWriter writer;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOrderCreatedAndPaidInOneBatchIsOneRowAtItsLastVersion() {
		var orderId = UUID.randomUUID().toString();

		createAndPayInOneBatch(orderId);

		assertThat(row(orderId)).containsEntry("status", "PAID").containsEntry("version", 1L);
		assertThat(lines(orderId)).isEqualTo(1);
	}

	@Test
	void aBatchWhoseOrderIsThereAlreadyStillAppliesTheLaterEvents() {
		var orderId = UUID.randomUUID().toString();
		// As an older model had it: created, not yet paid.
		jdbc.sql(
				"""
						INSERT INTO order_summary (order_id, customer_id, currency, total, status, version, created_at, updated_at)
						VALUES (?, 'cust-1', 'EUR', 6.00, 'CREATED', 0, ?, ?)""")
			.params(orderId, Timestamp.from(CREATED_AT), Timestamp.from(CREATED_AT))
			.update();

		createAndPayInOneBatch(orderId);

		assertThat(row(orderId)).containsEntry("status", "PAID").containsEntry("version", 1L);
	}

	@Test
	void aBatchSeenBeforeLeavesAnOrderThatMovedOnAsItIs() {
		var orderId = UUID.randomUUID().toString();
		createAndPayInOneBatch(orderId);
		inOneBatch(() -> writer.transition(orderId, OrderSummaryStatus.SHIPPED, 2, PAID_AT, "DHL", "T-1", null));

		createAndPayInOneBatch(orderId);

		assertThat(row(orderId)).containsEntry("status", "SHIPPED").containsEntry("version", 2L);
		assertThat(lines(orderId)).isEqualTo(1);
	}

	private void inOneBatch(Runnable write) {
		var batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("shipped")));
		batch.attachTransaction(transactionManager);
		batch.executeWithResult(() -> {
			write.run();
			return null;
		});
	}

	private void createAndPayInOneBatch(String orderId) {
		EventMessage<?> created = GenericEventMessage.asEventMessage("created");
		EventMessage<?> paid = GenericEventMessage.asEventMessage("paid");
		var batch = new BatchingUnitOfWork<>(List.of(created, paid));
		batch.attachTransaction(transactionManager);
		batch.executeWithResult(() -> {
			if (CurrentUnitOfWork.get().getMessage() == created) {
				writer.insert(new OrderSummary(orderId, "cust-1", "EUR", new BigDecimal("6.00"),
						OrderSummaryStatus.CREATED, 0, null, null, null, CREATED_AT, CREATED_AT,
						List.of(new OrderSummaryLine("SKU-1", 3, new BigDecimal("2.00")))));
			}
			else {
				writer.transition(orderId, OrderSummaryStatus.PAID, 1, PAID_AT, null, null, null);
			}
			return null;
		});
	}

	private Map<String, Object> row(String orderId) {
		return jdbc.sql("SELECT status, version FROM order_summary WHERE order_id = ?")
			.param(orderId)
			.query()
			.singleRow();
	}

	private int lines(String orderId) {
		return jdbc.sql("SELECT COUNT(*) FROM order_summary_line WHERE order_summary = ?")
			.param(orderId)
			.query(Integer.class)
			.single();
	}

}
