package dev.eventplatform.infrastructure.envelope;

import dev.eventplatform.events.order.OrderEventContracts;
import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published contracts; a second domain adds its contract list here. */
@Configuration(proxyBeanMethods = false)
public class EventContractsConfiguration {

	@Bean
	public EventCatalogue eventCatalogue() {
		return new EventCatalogue(OrderEventContracts.ALL);
	}

	@Bean
	public EnvelopeFactory envelopeFactory(@Value("${platform.events.source:event-platform}") String source) {
		return new EnvelopeFactory(source);
	}

}
