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

	@Bean
	ConfigurerModule processorControlProcessor() {
		return configurer -> configurer
			.eventProcessing(processing -> processing.registerSubscribingEventProcessor(CONTROL_GROUP));
	}

}
