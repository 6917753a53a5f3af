package dev.eventplatform.infrastructure.deadletter;

import dev.eventplatform.infrastructure.axon.ProcessingGroupPolicy;
import dev.eventplatform.infrastructure.axon.ProcessingGroupPolicy.OnError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every processing group whose {@link ProcessingGroupPolicy} dead-letters a JDBC
 * dead-letter queue (table {@code dead_letter_entry}, created by Flyway), an enqueue
 * policy that warns and counts, a health component and metrics.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

	@Bean
	DeadLetterSchema deadLetterSchema() {
		return DeadLetterSchema.builder()
			.deadLetterTable("dead_letter_entry")
			.deadLetterIdentifierColumn("dead_letter_id")
			.processingGroupColumn("processing_group")
			.sequenceIdentifierColumn("sequence_identifier")
			.sequenceIndexColumn("sequence_index")
			.messageTypeColumn("message_type")
			.eventIdentifierColumn("event_identifier")
			.timestampColumn("time_stamp")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.aggregateTypeColumn("aggregate_type")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.tokenTypeColumn("token_type")
			.tokenColumn("token")
			.enqueuedAtColumn("enqueued_at")
			.lastTouchedColumn("last_touched")
			.processingStartedColumn("processing_started")
			.causeTypeColumn("cause_type")
			.causeMessageColumn("cause_message")
			.diagnosticsColumn("diagnostics")
			.build();
	}

	@Bean
	ConfigurerModule deadLetterQueues(ObjectProvider<ProcessingGroupPolicy> policies, DeadLetterSchema schema,
			ConnectionProvider connectionProvider, TransactionManager transactionManager, Serializer serializer,
			@Qualifier("eventSerializer") Serializer eventSerializer, MeterRegistry meters) {
		return configurer -> deadLettering(policies).forEach(group -> configurer.eventProcessing()
			.registerDeadLetterQueue(group.processingGroup(),
					axon -> JdbcSequencedDeadLetterQueue.builder()
						.processingGroup(group.processingGroup())
						.connectionProvider(connectionProvider)
						.transactionManager(transactionManager)
						.schema(schema)
						.genericSerializer(serializer)
						.eventSerializer(eventSerializer)
						.build())
			.registerDeadLetterPolicy(group.processingGroup(), axon -> warnAndCount(group.processingGroup(), meters))
			.registerDeadLetteringEventHandlerInvokerConfiguration(group.processingGroup(),
					(axon, invoker) -> invoker.enableSequenceIdentifierCache()
						.allowReset(group.onError() == OnError.DEAD_LETTER_CLEARED_ON_RESET)));
	}

	private static List<ProcessingGroupPolicy> deadLettering(ObjectProvider<ProcessingGroupPolicy> policies) {
		return policies.orderedStream().filter(policy -> policy.onError().deadLetters()).toList();
	}

	/**
	 * Dead-letters every failure, loudly: a warning naming the event and its cause, and a
	 * counter. Also decides for a retried letter that fails again (it stays, with the new
	 * cause).
	 */
	private static EnqueuePolicy<EventMessage<?>> warnAndCount(String group, MeterRegistry meters) {
		var enqueued = Counter.builder("platform.dead_letters.enqueued")
			.description("Events a processing group could not handle and set aside in its dead-letter queue")
			.tag("group", group)
			.register(meters);
		return (letter, cause) -> {
			var message = letter.message();
			var subject = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "-";
			log.warn(
					"Processing group {} could not handle event {} ({}) of aggregate {}; it waits in the dead-letter "
							+ "queue with any later event of that aggregate, the others go on: {}",
					group, message.getIdentifier(), message.getPayloadType().getName(), subject, String.valueOf(cause));
			enqueued.increment();
			return Decisions.enqueue(ThrowableCause.truncated(cause));
		};
	}

	@Bean
	DeadLetters deadLetters(ObjectProvider<ProcessingGroupPolicy> policies,
			org.axonframework.config.Configuration axon) {
		return new DeadLetters(deadLettering(policies).stream().map(ProcessingGroupPolicy::processingGroup).toList(),
				axon);
	}

	/**
	 * The health component {@code processors}: DEGRADED while any group has dead letters.
	 */
	@Bean
	DeadLetterHealthIndicator processorsHealthIndicator(DeadLetters deadLetters) {
		return new DeadLetterHealthIndicator(deadLetters);
	}

	@Bean
	MeterBinder deadLetterGauges(DeadLetters deadLetters) {
		return registry -> deadLetters.groups()
			.forEach(group -> Gauge.builder("platform.dead_letters", deadLetters, d -> d.count(group).letters())
				.description("Events waiting in a processing group's dead-letter queue")
				.tag("group", group)
				.register(registry));
	}

	@Bean
	DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
		return new DeadLettersEndpoint(deadLetters);
	}

}
