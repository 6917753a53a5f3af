package dev.eventplatform.infrastructure.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Axon infrastructure, declared explicitly. Axon 4.13's auto-configuration orders
 * itself by Spring Boot 3 class names; on Boot 4 without JPA it would silently fall back
 * to a SimpleEventBus, an in-memory token store, a no-op transaction manager and XStream.
 * Declaring these beans makes its auto-configuration back off;
 * {@code AxonWiringIntegrationTests} guards the result.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
public class AxonInfrastructureConfiguration {

	/** Metadata key naming the API key on whose behalf a command was sent. */
	public static final String PRINCIPAL_METADATA = "principal";

	/**
	 * Axon's own mapper: never the web layer's, so web settings cannot change the stored
	 * format.
	 */
	static ObjectMapper axonObjectMapper() {
		return new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			// Additive payload changes need no upcaster.
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	private static Serializer jacksonSerializer() {
		return JacksonSerializer.builder()
			.objectMapper(axonObjectMapper())
			.revisionResolver(new AnnotationRevisionResolver())
			.build();
	}

	@Bean
	@Primary
	public Serializer serializer() {
		return jacksonSerializer();
	}

	@Bean
	@Qualifier("messageSerializer")
	public Serializer messageSerializer() {
		return jacksonSerializer();
	}

	@Bean
	@Qualifier("eventSerializer")
	public Serializer eventSerializer() {
		return jacksonSerializer();
	}

	@Bean
	public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
		return new SpringTransactionManager(transactionManager);
	}

	@Bean
	public ConnectionProvider connectionProvider(DataSource dataSource) {
		return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
	}

	/**
	 * Recognises duplicate keys by SQL state 23xxx, which PostgreSQL and H2 both report.
	 */
	@Bean
	public PersistenceExceptionResolver persistenceExceptionResolver() {
		return new SQLStateResolver();
	}

	@Bean
	public EventSchema eventSchema() {
		return EventSchema.builder()
			.eventTable("domain_event_entry")
			.snapshotTable("snapshot_event_entry")
			.globalIndexColumn("global_index")
			.timestampColumn("time_stamp")
			.eventIdentifierColumn("event_identifier")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.typeColumn("type")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.build();
	}

	@Bean
	public EventStorageEngine eventStorageEngine(Serializer serializer,
			@Qualifier("eventSerializer") Serializer eventSerializer,
			PersistenceExceptionResolver persistenceExceptionResolver,
			org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
			TransactionManager transactionManager, EventSchema eventSchema, EventStoreProperties properties) {
		return JdbcEventStorageEngine.builder()
			.snapshotSerializer(serializer)
			.eventSerializer(eventSerializer)
			.upcasterChain(configuration.upcasterChain())
			.snapshotFilter(configuration.snapshotFilter())
			.persistenceExceptionResolver(persistenceExceptionResolver)
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.schema(eventSchema)
			.dataType(byte[].class)
			.gapTimeout((int) properties.gapTimeout().toMillis())
			.batchSize(properties.batchSize())
			.build();
	}

	@Qualifier("eventStore")
	@Bean(name = "eventBus")
	public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
			org.axonframework.config.Configuration configuration, EventStoreProperties properties) {
		return new SnapshotlessEventStore(EmbeddedEventStore.builder()
			.storageEngine(storageEngine)
			.messageMonitor(configuration.messageMonitor(EmbeddedEventStore.class, "eventStore"))
			.fetchDelay(properties.fetchDelay().toMillis()));
	}

	@Bean
	public TokenSchema tokenSchema() {
		return TokenSchema.builder()
			.setTokenTable("token_entry")
			.setProcessorNameColumn("processor_name")
			.setSegmentColumn("segment")
			.setTokenColumn("token")
			.setTokenTypeColumn("token_type")
			.setTimestampColumn("claimed_at")
			.setOwnerColumn("owner")
			.build();
	}

	@Bean
	public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
			EventStoreProperties properties) {
		return JdbcTokenStore.builder()
			.connectionProvider(connectionProvider)
			.serializer(serializer)
			.schema(tokenSchema)
			.contentType(byte[].class)
			.claimTimeout(properties.claimTimeout())
			.nodeId(properties.node())
			.build();
	}

	/**
	 * Rejected commands carry their error code in the exception's details
	 * ({@link ErrorCodeInterceptor}).
	 */
	@Bean
	SmartInitializingSingleton commandErrorCodes(CommandBus commandBus) {
		return () -> commandBus.registerHandlerInterceptor(new ErrorCodeInterceptor());
	}

	/** Events carry the correlation and causation ids of the message that caused them. */
	@Bean
	public CorrelationDataProvider messageOriginProvider() {
		return new MessageOriginProvider();
	}

	/**
	 * Events carry the name of the API key whose command caused them: who did it, for the
	 * audit log.
	 */
	@Bean
	public CorrelationDataProvider principalCorrelation() {
		return new SimpleCorrelationDataProvider(PRINCIPAL_METADATA);
	}

	/**
	 * Pooled streaming processors everywhere, and a failing handler stops its segment (it
	 * retries with back-off) instead of Axon's default of logging and skipping the event.
	 * Each group's {@link ProcessingGroupPolicy} sets its sequencing; dead-lettering
	 * groups get their queue from {@code DeadLetterConfiguration}.
	 */
	@Bean
	public ConfigurerModule eventProcessingDefaults(ObjectProvider<ProcessingGroupPolicy> policies) {
		return configurer -> configurer.eventProcessing(processing -> {
			processing.usingPooledStreamingEventProcessors()
				.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
			policies.orderedStream()
				.forEach(policy -> processing.registerSequencingPolicy(policy.processingGroup(),
						c -> policy.sequencing()));
		});
	}

}
