package dev.eventplatform.query.order;

import dev.eventplatform.infrastructure.axon.ProcessingGroupPolicy;
import dev.eventplatform.infrastructure.processor.ProcessorTokens;
import dev.eventplatform.infrastructure.processor.RebuildingProcessor;
import dev.eventplatform.infrastructure.projection.ReadModelSlots;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	/** Which set of tables answers, and the switch after a rebuild. */
	@Bean
	ReadModelSlots orderSummarySlots(JdbcClient jdbc, ProcessorTokens tokens, Clock clock) {
		return new ReadModelSlots(OrderSummaryProjection.PROCESSING_GROUP, jdbc, tokens, clock);
	}

	/** A reset rebuilds the model from the first event: other targets are refused. */
	@Bean
	RebuildingProcessor orderSummaryRebuilds() {
		return new RebuildingProcessor(OrderSummaryProjection.PROCESSING_GROUP);
	}

}
