package dev.eventplatform.events;

import dev.eventplatform.events.order.OrderEventContracts;
import dev.eventplatform.events.processor.ProcessorEventContracts;
import dev.eventplatform.events.webhook.WebhookEventContracts;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every contract the platform publishes, for readers of the whole log (the audit log, the
 * catalogue's tests); each writing side declares only its own.
 */
public final class PublishedContracts {

	public static final List<EventContract> ALL = Stream
		.of(OrderEventContracts.ALL, WebhookEventContracts.ALL, ProcessorEventContracts.ALL)
		.flatMap(List::stream)
		.toList();

	private PublishedContracts() {
	}

}
