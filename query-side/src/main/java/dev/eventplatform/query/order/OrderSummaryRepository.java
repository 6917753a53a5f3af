package dev.eventplatform.query.order;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Reads of the orders read model; {@link OrderSummaryWriter} writes it, and filtered
 * pages go through {@link OrderSummaryFinder}.
 */
public interface OrderSummaryRepository extends ListCrudRepository<OrderSummary, String> {

	@Query("SELECT version FROM order_summary WHERE order_id = :orderId")
	Long versionOf(String orderId);

}
