package dev.eventplatform.query.order;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Component;

/** Filtered, paged reads of the orders read model; every filter is optional. */
@Component
public class OrderSummaryFinder {

	private final JdbcAggregateTemplate template;

	OrderSummaryFinder(JdbcAggregateTemplate template) {
		this.template = template;
	}

	/** Blocking: call it off the event loop. */
	public Page<OrderSummary> find(OrderSummaryStatus status, String customerId, Pageable pageable) {
		var criteria = Criteria.empty();
		if (status != null) {
			criteria = criteria.and("status").is(status.name());
		}
		if (customerId != null) {
			criteria = criteria.and("customerId").is(customerId);
		}
		var content = template.findAll(Query.query(criteria).with(pageable), OrderSummary.class);
		var total = template.count(Query.query(criteria), OrderSummary.class);
		return new PageImpl<>(content, pageable, total);
	}

}
