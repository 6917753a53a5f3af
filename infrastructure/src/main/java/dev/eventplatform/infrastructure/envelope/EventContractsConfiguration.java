package dev.eventplatform.infrastructure.envelope;

import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue of the contracts the sides contribute ({@link EventContracts} beans), and
 * the envelope.
 */
@Configuration(proxyBeanMethods = false)
public class EventContractsConfiguration {

	@Bean
	public EventCatalogue eventCatalogue(ObjectProvider<EventContracts> contributions) {
		return new EventCatalogue(contributions.orderedStream()
			.flatMap(contribution -> contribution.contracts().stream())
			.distinct()
			.toList());
	}

	@Bean
	public EnvelopeFactory envelopeFactory(@Value("${platform.events.source:event-platform}") String source) {
		return new EnvelopeFactory(source);
	}

}
