package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.events.processor.ProcessorEventContracts;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Processor operations, on every node whatever sides it runs. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(ProcessorProperties.class)
public class ProcessorConfiguration {

	/** The group of the control projection: subscribing, in the command's transaction. */
	public static final String CONTROL_GROUP = "processor-control";

	private static final String BATCH_STARTED = ProcessorConfiguration.class.getName() + ".batchStarted";

	/** The control aggregate publishes these. */
	@Bean
	EventContracts publishedProcessorEvents() {
		return new EventContracts(ProcessorEventContracts.ALL);
	}

	/**
	 * The control projection's group; and every processor's error handler records a
	 * failed batch for the status API and health, then propagates it as Axon's default
	 * does (the segment retries with back-off).
	 */
	@Bean
	ConfigurerModule processorControlProcessor(ProcessorFailures failures) {
		return configurer -> configurer
			.eventProcessing(processing -> processing.registerSubscribingEventProcessor(CONTROL_GROUP)
				.registerDefaultErrorHandler(c -> failures.errorHandler()));
	}

	/**
	 * The coordinators of this node's pooled processors, woken when events arrive and
	 * when a work package starts a batch.
	 */
	@Bean
	Coordinators processorCoordinators(ObjectProvider<EventStore> eventStore, ProcessorProperties properties) {
		return new Coordinators(eventStore, properties.wakeInterval());
	}

	/**
	 * Every pooled processor: its segments store their position at least this often when
	 * the events they read belong to other segments ({@link ProcessorProperties}), its
	 * coordinator runs on a {@link CoordinatorExecutor}, and a work package that starts a
	 * batch wakes it. The processors' own settings apply on top.
	 */
	@Bean
	ConfigurerModule pooledProcessorDefaults(ProcessorProperties properties, Coordinators coordinators) {
		return configurer -> configurer
			.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
					(config, builder) -> builder.claimExtensionThreshold(properties.idleTokenInterval().toMillis())
						.coordinatorExecutor(name -> {
							var executor = coordinators.executor(name);
							config.onShutdown(executor::shutdown);
							return executor;
						}))
				.registerDefaultHandlerInterceptor((config, name) -> (unitOfWork, chain) -> {
					// Once per batch: its first event is handled once the batch is off
					// the buffer.
					if (unitOfWork.root().resources().putIfAbsent(BATCH_STARTED, true) == null) {
						coordinators.wake(name);
					}
					return chain.proceed();
				}));
	}

}
