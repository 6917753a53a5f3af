package dev.eventplatform.query.order;

import org.springframework.data.repository.ListCrudRepository;

/** Reads of the orders read model by id; filtered pages go through {@link OrderSummaryFinder}. */
public interface OrderSummaryRepository extends ListCrudRepository<OrderSummary, String> {

}
