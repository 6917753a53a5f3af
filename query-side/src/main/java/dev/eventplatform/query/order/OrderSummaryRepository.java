package dev.eventplatform.query.order;

import java.time.Instant;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The orders read model. Transitions are single guarded updates rather than load-and-save: one
 * statement per event, and the {@code version < :version} guard makes a redelivered event a no-op.
 * Filtered pages go through {@link OrderSummaryFinder}.
 */
public interface OrderSummaryRepository extends ListCrudRepository<OrderSummary, String> {

	@Modifying
	@Query("""
			UPDATE order_summary SET status = :status, version = :version, updated_at = :at
			WHERE order_id = :orderId AND version < :version""")
	int transition(String orderId, String status, long version, Instant at);

	@Modifying
	@Query("""
			UPDATE order_summary SET status = 'SHIPPED', carrier = :carrier, tracking_number = :trackingNumber,
			    version = :version, updated_at = :at
			WHERE order_id = :orderId AND version < :version""")
	int ship(String orderId, String carrier, String trackingNumber, long version, Instant at);

	@Modifying
	@Query("""
			UPDATE order_summary SET status = 'CANCELLED', cancellation_reason = :reason, version = :version,
			    updated_at = :at
			WHERE order_id = :orderId AND version < :version""")
	int cancel(String orderId, String reason, long version, Instant at);

	@Query("SELECT version FROM order_summary WHERE order_id = :orderId")
	Long versionOf(String orderId);

}
