package dev.eventplatform.notification.webhook;

import dev.eventplatform.events.webhook.WebhookEventContracts;
import dev.eventplatform.infrastructure.axon.ProcessingGroupPolicy;
import dev.eventplatform.infrastructure.axon.ProcessingGroupPolicy.OnError;
import dev.eventplatform.infrastructure.catalogue.EventContracts;
import dev.eventplatform.infrastructure.processor.RedeliveringProcessor;
import dev.eventplatform.notification.webhook.target.WebhookTargets;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook wiring: the two processing groups, the target check, the contracts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

	public static final String SUBSCRIPTIONS_GROUP = "webhook-subscriptions";

	public static final String FAN_OUT_GROUP = "webhook-fanout";

	/** The subscription aggregate publishes these. */
	@Bean
	EventContracts publishedWebhookEvents() {
		return new EventContracts(WebhookEventContracts.ALL);
	}

	@Bean
	WebhookTargets webhookTargets(WebhookProperties properties) {
		return new WebhookTargets(properties.allowPrivateTargets());
	}

	/**
	 * The subscriptions read model is written in the command's transaction (subscribing);
	 * the fan-out starts at the head of the log when first deployed, so history is never
	 * sent.
	 */
	@Bean
	ConfigurerModule webhookProcessors() {
		return configurer -> configurer
			.eventProcessing(processing -> processing.registerSubscribingEventProcessor(SUBSCRIPTIONS_GROUP)
				.registerPooledStreamingEventProcessor(FAN_OUT_GROUP, c -> c.eventStore(),
						(c, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken).batchSize(100)));
	}

	/**
	 * An event the fan-out cannot handle waits in the dead-letter queue with the later
	 * events of its subject; every other subject keeps flowing. A reset keeps the queue:
	 * a replay must not re-send.
	 */
	@Bean
	ProcessingGroupPolicy webhookFanOutPolicy() {
		return new ProcessingGroupPolicy(FAN_OUT_GROUP, SequentialPerAggregatePolicy.instance(), OnError.DEAD_LETTER);
	}

	/**
	 * A reset of the fan-out sends again what its target covers: operators must say so
	 * ({@code "redeliver": true}).
	 */
	@Bean
	RedeliveringProcessor webhookFanOutRedelivers() {
		return new RedeliveringProcessor(FAN_OUT_GROUP);
	}

}
