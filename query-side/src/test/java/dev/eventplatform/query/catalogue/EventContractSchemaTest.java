package dev.eventplatform.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.eventplatform.events.EventContract;
import dev.eventplatform.events.PublishedContracts;
import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.envelope.EnvelopeFactory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract test (DESIGN.md 3): what the web layer publishes, serialized as it
 * serializes it (Jackson 3), validates against the schema the catalogue generates from
 * the code. The validator reads Jackson 2 trees, so the published bytes are re-read with
 * Jackson 2: exactly what a consumer would do.
 */
class EventContractSchemaTest {

	private static final EventCatalogue CATALOGUE = new EventCatalogue(PublishedContracts.ALL);

	private static final EnvelopeFactory ENVELOPES = new EnvelopeFactory("event-platform");

	/** Like the web layer's mapper: Jackson 3 defaults. */
	private static final JsonMapper PUBLISHER = JsonMapper.builder().build();

	private static final ObjectMapper CONSUMER = new ObjectMapper();

	private static final Instant OCCURRED = Instant.parse("2026-11-03T09:15:30.123456Z");

	private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	static Stream<EventContract> contracts() {
		return CATALOGUE.contracts().stream();
	}

	@Test
	void shouldCoverEveryPublishedContract() {
		// Guards the parameterized tests against passing on an empty catalogue.
		assertThat(CATALOGUE.contracts()).hasSameSizeAs(PublishedContracts.ALL).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void shouldPublishDataThatValidatesAgainstTheSchema(EventContract contract) {
		var data = publish(contract.example(), 0L).get("data");

		assertThat(validate(contract, data)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void shouldPublishExactlyTheFieldsTheSchemaDescribes(EventContract contract) {
		// The schema does not forbid extra properties, so an extra published field would
		// go unnoticed there.
		var data = publish(contract.example(), 0L).get("data");
		var properties = schemaNode(contract).get("properties");

		assertThat(fieldNames(data)).containsExactlyInAnyOrderElementsOf(fieldNames(properties));
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void shouldPublishTheEnvelopeFields(EventContract contract) {
		var envelope = publish(contract.example(), 3L);

		assertThat(fieldNames(envelope)).containsExactlyInAnyOrder("eventId", "eventType", "version", "timestamp",
				"source", "subject", "sequence", "data");
		assertThat(UUID.fromString(envelope.get("eventId").textValue())).isNotNull();
		assertThat(envelope.get("eventType").textValue()).isEqualTo(contract.type());
		assertThat(envelope.get("version").isInt()).isTrue();
		assertThat(envelope.get("version").intValue()).isEqualTo(contract.version());
		assertThat(envelope.get("source").textValue()).isEqualTo("event-platform");
		assertThat(envelope.get("subject").textValue()).isEqualTo("order-1");
		assertThat(envelope.get("sequence").longValue()).isEqualTo(3L);
		assertThat(envelope.get("data").isObject()).isTrue();
	}

	@Test
	void shouldPublishTheTimestampAsAnIsoInstantInUtc() {
		var envelope = publish(PublishedContracts.ALL.get(0).example(), 0L);
		var timestamp = envelope.get("timestamp");

		assertThat(timestamp.isTextual()).as("timestamp is a string, not epoch numbers").isTrue();
		assertThat(timestamp.textValue()).endsWith("Z");
		assertThat(Instant.parse(timestamp.textValue())).isEqualTo(OCCURRED);
	}

	// The validator must bite, or the tests above prove nothing.

	@Test
	void cannotOmitARequiredField() {
		var contract = CATALOGUE.find("order.created", 1).orElseThrow();
		var data = (ObjectNode) publish(contract.example(), 0L).get("data");
		data.remove("orderId");

		assertThat(validate(contract, data)).isNotEmpty();
	}

	@Test
	void cannotPublishTheTotalAsAString() {
		var contract = CATALOGUE.find("order.created", 1).orElseThrow();
		var data = (ObjectNode) publish(contract.example(), 0L).get("data");
		data.put("total", "25.00");

		assertThat(validate(contract, data)).isNotEmpty();
	}

	@Test
	void cannotPublishANullField() {
		var contract = CATALOGUE.find("order.shipped", 1).orElseThrow();
		var data = (ObjectNode) publish(contract.example(), 0L).get("data");
		data.putNull("carrier");

		assertThat(validate(contract, data)).isNotEmpty();
	}

	@Test
	void cannotOmitARequiredFieldOfANestedLine() {
		var contract = CATALOGUE.find("order.created", 1).orElseThrow();
		var data = (ObjectNode) publish(contract.example(), 0L).get("data");
		((ObjectNode) data.get("lines").get(0)).remove("unitPrice");

		assertThat(validate(contract, data)).isNotEmpty();
	}

	@Test
	void cannotPublishAFractionalQuantity() {
		var contract = CATALOGUE.find("order.created", 1).orElseThrow();
		var data = (ObjectNode) publish(contract.example(), 0L).get("data");
		((ObjectNode) data.get("lines").get(0)).put("quantity", 1.5);

		assertThat(validate(contract, data)).isNotEmpty();
	}

	/**
	 * Builds the envelope as every channel does and returns the JSON a consumer receives.
	 */
	private static JsonNode publish(Object payload, long sequence) {
		var message = new GenericDomainEventMessage<>("Order", "order-1", sequence, payload, Map.of(),
				UUID.randomUUID().toString(), OCCURRED);
		var bytes = PUBLISHER.writeValueAsBytes(ENVELOPES.toEnvelope(message));
		try {
			return CONSUMER.readTree(bytes);
		}
		catch (IOException ex) {
			throw new AssertionError("published JSON is unreadable", ex);
		}
	}

	private static Set<ValidationMessage> validate(EventContract contract, JsonNode data) {
		JsonSchema schema = SCHEMAS.getSchema(schemaNode(contract));
		return schema.validate(data);
	}

	private static JsonNode schemaNode(EventContract contract) {
		var schema = CATALOGUE.schemaOf(contract);
		assertThat(schema).as("schema of %s v%d", contract.type(), contract.version()).isNotNull();
		return CONSUMER.valueToTree(schema);
	}

	private static List<String> fieldNames(JsonNode node) {
		var names = new ArrayList<String>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
