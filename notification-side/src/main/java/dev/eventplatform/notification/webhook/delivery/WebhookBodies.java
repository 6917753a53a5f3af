package dev.eventplatform.notification.webhook.delivery;

import dev.eventplatform.events.EventEnvelope;
import dev.eventplatform.notification.webhook.subscription.Subscription;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body a subscriber receives: the published envelope as JSON (the same document as
 * the audit log and the stream), or a CloudEvents 1.0 JSON event (structured mode) built
 * by the CloudEvents SDK, whose {@code data} is the envelope's payload.
 */
@Component
class WebhookBodies {

	static final String ENVELOPE_CONTENT_TYPE = "application/json";

	private final JsonMapper jsonMapper;

	private final EventFormat cloudEvents = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

	WebhookBodies(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	Body render(EventEnvelope envelope, String format) {
		if (Subscription.CLOUDEVENTS.equals(format)) {
			var event = CloudEventBuilder.v1()
				.withId(envelope.eventId().toString())
				.withSource(URI.create(envelope.source()))
				.withType(envelope.eventType())
				.withSubject(envelope.subject())
				.withTime(envelope.timestamp().atOffset(ZoneOffset.UTC))
				.withDataSchema(URI.create("/schemas/" + envelope.eventType() + "/versions/" + envelope.version()))
				.withExtension("sequence", envelope.sequence())
				.withExtension("dataversion", envelope.version())
				.withData(ENVELOPE_CONTENT_TYPE, jsonMapper.writeValueAsBytes(envelope.data()))
				.build();
			return new Body(new String(cloudEvents.serialize(event), StandardCharsets.UTF_8), JsonFormat.CONTENT_TYPE);
		}
		return new Body(jsonMapper.writeValueAsString(envelope), ENVELOPE_CONTENT_TYPE);
	}

	record Body(String text, String contentType) {
	}

}
