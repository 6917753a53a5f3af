package dev.eventplatform.query.order;

import dev.eventplatform.infrastructure.axon.ProcessingGroupPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The orders read model's processing policy. */
@Configuration(proxyBeanMethods = false)
class OrderSummaryConfiguration {

	/**
	 * An order event the read model cannot apply waits in the dead-letter queue with the
	 * later events of its order; every other order stays current. A rebuild clears the
	 * queue with the model.
	 */
	@Bean
	ProcessingGroupPolicy orderSummaryPolicy() {
		return ProcessingGroupPolicy.projection(OrderSummaryProjection.PROCESSING_GROUP);
	}

}
