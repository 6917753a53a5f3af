package dev.eventplatform.infrastructure.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.events.ContractStatus;
import dev.eventplatform.events.EventContract;
import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderEventContracts;
import dev.eventplatform.events.order.OrderLine;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue is what subscribers code against: lookups must be exact and schemas
 * strict.
 */
class EventCatalogueTest {

	private static final EventContract WIDGET_V1 = new EventContract("widget.made", 1, WidgetMadeV1.class,
			ContractStatus.DEPRECATED, LocalDate.of(2027, 1, 31), new WidgetMadeV1("w-1"));

	private static final EventContract WIDGET_V2 = new EventContract("widget.made", 2, WidgetMadeV2.class,
			ContractStatus.CURRENT, null, new WidgetMadeV2("w-1", 3));

	private static final EventContract GADGET_V1 = new EventContract("gadget.sold", 1, GadgetSold.class,
			ContractStatus.CURRENT, null, new GadgetSold("g-1"));

	private final EventCatalogue orders = new EventCatalogue(OrderEventContracts.ALL);

	// Given out of order on purpose.
	private final EventCatalogue widgets = new EventCatalogue(List.of(WIDGET_V2, GADGET_V1, WIDGET_V1));

	static Stream<EventContract> orderContracts() {
		return OrderEventContracts.ALL.stream();
	}

	@Test
	void shouldListContractsByTypeThenVersion() {
		assertThat(widgets.contracts()).containsExactly(GADGET_V1, WIDGET_V1, WIDGET_V2);
	}

	@Test
	void shouldListEveryOrderContract() {
		assertThat(orders.contracts()).containsExactlyInAnyOrderElementsOf(OrderEventContracts.ALL);
	}

	@Test
	void canFindATypeAtAVersion() {
		assertThat(widgets.find("widget.made", 1)).contains(WIDGET_V1);
		assertThat(widgets.find("widget.made", 2)).contains(WIDGET_V2);
		assertThat(orders.find("order.created", 1)).map(EventContract::payloadType).contains(OrderCreatedEvent.class);
	}

	@Test
	void cannotFindAnUnknownVersionOrType() {
		assertThat(widgets.find("widget.made", 3)).isEmpty();
		assertThat(widgets.find("widget.broken", 1)).isEmpty();
		// Names are exact: no prefix or case-insensitive matching.
		assertThat(widgets.find("widget", 1)).isEmpty();
		assertThat(widgets.find("Widget.Made", 1)).isEmpty();
	}

	@Test
	void aFilterNamesOneTypeEveryTypeOfAResourceOrEveryType() {
		assertThat(widgets.typesMatching("widget.made")).containsExactly("widget.made");
		assertThat(widgets.typesMatching("widget.*")).containsExactly("widget.made");
		assertThat(widgets.typesMatching("*")).containsExactly("gadget.sold", "widget.made");
		assertThat(orders.typesMatching("order.*")).contains("order.created", "order.shipped")
			.allMatch(type -> type.startsWith("order."));
	}

	@Test
	void aFilterThatNamesNothingKnownMatchesNothing() {
		assertThat(widgets.typesMatching("widget")).isEmpty();
		assertThat(widgets.typesMatching("widget.")).isEmpty();
		assertThat(widgets.typesMatching("widg*")).isEmpty();
		assertThat(widgets.typesMatching("wid.*")).isEmpty();
		assertThat(widgets.typesMatching("Widget.*")).isEmpty();
		assertThat(widgets.typesMatching("widget.made.*")).isEmpty();
	}

	@Test
	void shouldListTheVersionsOfATypeInOrder() {
		assertThat(widgets.versionsOf("widget.made")).containsExactly(WIDGET_V1, WIDGET_V2);
		assertThat(widgets.versionsOf("gadget.sold")).containsExactly(GADGET_V1);
		assertThat(widgets.versionsOf("widget.broken")).isEmpty();
	}

	@Test
	void shouldNameThePayloadClassesOfEveryVersion() {
		// Audit filters stored events by class name: a type must match all its versions'
		// classes.
		assertThat(widgets.payloadClassNames("widget.made")).containsExactlyInAnyOrder(WidgetMadeV1.class.getName(),
				WidgetMadeV2.class.getName());
		assertThat(orders.payloadClassNames("order.created")).containsExactly(OrderCreatedEvent.class.getName());
		assertThat(widgets.payloadClassNames("widget.broken")).isEmpty();
	}

	@Test
	void shouldTitleTheSchemaWithTypeAndVersion() {
		assertThat(widgets.schemaOf(WIDGET_V1)).containsEntry("title", "widget.made v1");
		assertThat(widgets.schemaOf(WIDGET_V2)).containsEntry("title", "widget.made v2");
	}

	@Test
	void shouldGenerateADistinctSchemaPerVersion() {
		assertThat(properties(widgets.schemaOf(WIDGET_V1))).containsOnlyKeys("widgetId");
		assertThat(properties(widgets.schemaOf(WIDGET_V2))).containsOnlyKeys("widgetId", "count");
	}

	@Test
	void shouldHaveNoSchemaForAContractOutsideTheCatalogue() {
		assertThat(orders.schemaOf(WIDGET_V1)).isNull();
	}

	@ParameterizedTest
	@MethodSource("orderContracts")
	void shouldRequireEveryRecordComponent(EventContract contract) {
		var schema = orders.schemaOf(contract);
		var components = componentNames(contract.payloadType());

		assertThat(schema).containsEntry("title", contract.type() + " v" + contract.version())
			.containsEntry("type", "object");
		assertThat(properties(schema)).containsOnlyKeys(components);
		assertThat(required(schema)).containsExactlyInAnyOrderElementsOf(components);
	}

	@ParameterizedTest
	@MethodSource("orderContracts")
	void shouldNotAllowNullInAnyField(EventContract contract) {
		// A nullable field would be typed ["string", "null"]; consumers rely on every
		// field being set.
		properties(orders.schemaOf(contract))
			.forEach((name, property) -> assertThat(object(property).get("type")).as(name).isNotInstanceOf(List.class));
	}

	@Test
	void shouldRequireEveryComponentOfNestedRecords() {
		var lines = object(properties(orders.schemaOf(orders.find("order.created", 1).orElseThrow())).get("lines"));
		var line = object(lines.get("items"));

		assertThat(lines).containsEntry("type", "array");
		assertThat(line).containsEntry("type", "object");
		assertThat(required(line)).containsExactlyInAnyOrderElementsOf(componentNames(OrderLine.class));
	}

	@Test
	void shouldTypeMoneyAsANumberAndQuantityAsAnInteger() {
		var created = orders.schemaOf(orders.find("order.created", 1).orElseThrow());
		var line = object(object(properties(created).get("lines")).get("items"));

		assertThat(object(properties(created).get("total"))).containsEntry("type", "number");
		assertThat(object(properties(line).get("quantity"))).containsEntry("type", "integer");
		assertThat(object(properties(line).get("unitPrice"))).containsEntry("type", "number");
	}

	private static Map<String, Object> properties(Map<String, Object> schema) {
		return object(schema.get("properties"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> required(Map<String, Object> schema) {
		return (List<String>) schema.get("required");
	}

	/** The catalogue hands out schemas as plain JSON maps. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object node) {
		return (Map<String, Object>) node;
	}

	private static List<String> componentNames(Class<?> record) {
		return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	record WidgetMadeV1(String widgetId) {
	}

	record WidgetMadeV2(String widgetId, int count) {
	}

	record GadgetSold(String gadgetId) {
	}

}
