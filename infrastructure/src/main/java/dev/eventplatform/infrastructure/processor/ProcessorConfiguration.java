package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.events.processor.ProcessorEventContracts;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ConfigurerModule;
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
	 * Every pooled processor: its segments store their position at least this often when
	 * the events they read belong to other segments ({@link ProcessorProperties}), and a
	 * work package that starts a batch wakes its coordinator
	 * ({@link CoordinatorExecutor}). The processors' own settings apply on top.
	 */
	@Bean
	ConfigurerModule pooledProcessorDefaults(ProcessorProperties properties) {
		Map<String, CoordinatorExecutor> coordinators = new ConcurrentHashMap<>();
		return configurer -> configurer
			.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
					(config, builder) -> builder.claimExtensionThreshold(properties.idleTokenInterval().toMillis())
						.coordinatorExecutor(name -> {
							var executor = new CoordinatorExecutor(name);
							coordinators.put(name, executor);
							config.onShutdown(executor::shutdown);
							return executor;
						}))
				.registerDefaultHandlerInterceptor((config, name) -> (unitOfWork, chain) -> {
					var coordinator = coordinators.get(name);
					// Once per batch: its first event is handled once the batch is off
					// the buffer.
					if (coordinator != null && unitOfWork.root().resources().putIfAbsent(BATCH_STARTED, true) == null) {
						coordinator.wake();
					}
					return chain.proceed();
				}));
	}

}
