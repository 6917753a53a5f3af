package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
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

/**
 * Axon 4.13 on Boot 4 silently falls back to in-memory components when its auto-configuration
 * misorders itself; these assertions fail if any database-backed component is replaced.
 */
@PlatformIntegrationTest
class AxonWiringIntegrationTests {

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

	@Test
	void eventsAreStoredInTheJdbcEventStore() {
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
		assertThat(processing.eventProcessor("order-summary")).get().isInstanceOf(PooledStreamingEventProcessor.class);
	}

}
