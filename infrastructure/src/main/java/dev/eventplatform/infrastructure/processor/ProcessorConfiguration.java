package dev.eventplatform.infrastructure.processor;

import dev.eventplatform.events.processor.ProcessorEventContracts;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
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

}
