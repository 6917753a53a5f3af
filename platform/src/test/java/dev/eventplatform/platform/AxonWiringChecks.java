package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Axon 4.13 on Boot 4 silently falls back to in-memory components when its
 * auto-configuration misorders itself, and by default logs and skips an event a handler
 * fails on; these assertions fail if any database-backed component or error policy is
 * replaced. Run on each database by a subclass that chooses the test context.
 */
abstract class AxonWiringChecks {

	private static final String ORDER_SUMMARY = "order-summary";

	@Autowired
	EventBus eventBus;

	@Autowired
	EventStorageEngine storageEngine;

	@Autowired
	TokenStore tokenStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	PersistenceExceptionResolver persistenceExceptionResolver;

	@Autowired
	Serializer serializer;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer eventSerializer;

	@Autowired
	@Qualifier("messageSerializer")
	Serializer messageSerializer;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	DataSource dataSource;

	/**
	 * The database product this context is meant to run on, as its JDBC driver names it.
	 */
	abstract String database();

	@Test
	void eventsAreStoredInTheJdbcEventStore() throws MetaDataAccessException {
		assertThat(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName))
			.isEqualTo(database());
		assertThat(eventBus).isInstanceOf(EmbeddedEventStore.class);
		assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
		assertThat(persistenceExceptionResolver).isInstanceOf(SQLStateResolver.class);
	}

	@Test
	void tokensAndTransactionsUseTheDatabase() {
		assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
		assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
	}

	@Test
	void everyMessageIsSerializedWithJackson() {
		assertThat(serializer).isInstanceOf(JacksonSerializer.class);
		assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
		assertThat(messageSerializer).isInstanceOf(JacksonSerializer.class);
	}

	@Test
	void projectionsRunOnPooledStreamingProcessors() {
		assertThat(processing.eventProcessor(ORDER_SUMMARY)).get().isInstanceOf(PooledStreamingEventProcessor.class);
	}

	/**
	 * The orders read model sets an event it cannot handle aside in the database, never
	 * skips it.
	 */
	@Test
	void theOrderSummaryProcessorDeadLettersIntoTheDatabase() {
		var queue = processing.deadLetterQueue(ORDER_SUMMARY).orElseThrow();
		assertThat(queue).isInstanceOf(JdbcSequencedDeadLetterQueue.class);
		var processor = processing.eventProcessor(ORDER_SUMMARY, PooledStreamingEventProcessor.class).orElseThrow();
		assertThat(handlerInvokers(processor.eventHandlerInvoker())).singleElement()
			.isInstanceOf(DeadLetteringEventHandlerInvoker.class)
			.extracting("queue")
			.isSameAs(queue);
	}

	/**
	 * Any other group stops and retries its segment on a failing handler (and so does a
	 * failing batch).
	 */
	@Test
	void otherProcessingGroupsPropagateHandlerErrors() {
		assertThat(processing.listenerInvocationErrorHandler("any-other-group"))
			.isSameAs(PropagatingErrorHandler.INSTANCE);
		// Every processor's error handler records the failure for the status API, then
		// propagates it as Axon's PropagatingErrorHandler does.
		var handler = processing.errorHandler("any-other-group");
		var error = new IllegalStateException("a batch failed");
		assertThatThrownBy(() -> handler.handleError(new ErrorContext("any-other-group", error, List.of())))
			.isSameAs(error);
		assertThat(processing.errorHandler(ORDER_SUMMARY)).isSameAs(handler);
	}

	private static List<EventHandlerInvoker> handlerInvokers(EventHandlerInvoker invoker) {
		return invoker instanceof MultiEventHandlerInvoker multi
				? multi.delegates().stream().flatMap(delegate -> handlerInvokers(delegate).stream()).toList()
				: List.of(invoker);
	}

}
