package dev.eventplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.eventplatform.events.order.OrderDeliveredEvent;
import dev.eventplatform.events.PublishedContracts;
import dev.eventplatform.events.order.OrderShippedEvent;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules every published contract obeys, so that stored and published versions cannot
 * drift apart.
 */
class EventContractRulesTest {

	static Stream<EventContract> contracts() {
		return PublishedContracts.ALL.stream();
	}

	@Test
	void shouldPublishAtLeastOneContract() {
		// Guards the parameterized tests below against passing on an empty list.
		assertThat(PublishedContracts.ALL).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void shouldStoreTheRevisionThatIsPublishedAsVersion(EventContract contract) {
		// The event store upcasts by @Revision; subscribers pin the published version:
		// one number.
		var revision = contract.payloadType().getAnnotation(Revision.class);

		assertThat(revision).as("@Revision on %s", contract.payloadType().getName()).isNotNull();
		assertThat(revision.value()).isEqualTo(Integer.toString(contract.version()));
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void shouldTakeTypeAndVersionFromTheEventTypeAnnotation(EventContract contract) {
		var eventType = EventContract.eventTypeOf(contract.payloadType());

		assertThat(contract.type()).isEqualTo(eventType.name());
		assertThat(contract.version()).isEqualTo(eventType.version());
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void shouldNameTheTypeResourceDotAction(EventContract contract) {
		// A resource may sit under another (webhook.subscription.created), so that
		// "webhook.*" names all of them.
		assertThat(contract.type()).matches("^[a-z]+(_[a-z]+)*(\\.[a-z]+(_[a-z]+)*)+$");
	}

	@ParameterizedTest
	@MethodSource("contracts")
	void shouldCarryARecordPayload(EventContract contract) {
		assertThat(contract.payloadType().isRecord()).as("%s is a record", contract.payloadType().getName()).isTrue();
		assertThat(contract.version()).isPositive();
	}

	@Test
	void shouldPublishEachTypeAndVersionOnce() {
		var pairs = PublishedContracts.ALL.stream().map(c -> c.type() + " v" + c.version()).toList();

		assertThat(pairs).doesNotHaveDuplicates();
	}

	@Test
	void shouldPublishEachPayloadClassOnce() {
		// The stored class name identifies one type and version; two contracts on one
		// class are ambiguous.
		var classes = PublishedContracts.ALL.stream().map(EventContract::payloadType).toList();

		assertThat(classes).doesNotHaveDuplicates();
	}

	@Test
	void canDescribeADeprecatedVersionWithASunsetDate() {
		var contract = new EventContract("order.delivered", 1, OrderDeliveredEvent.class, ContractStatus.DEPRECATED,
				LocalDate.of(2027, 6, 30), new OrderDeliveredEvent("order-1"));

		assertThat(contract.sunset()).isEqualTo(LocalDate.of(2027, 6, 30));
	}

	@Test
	void cannotUseAnExampleOfAnotherClass() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventContract("order.delivered", 1, OrderDeliveredEvent.class, ContractStatus.CURRENT,
					null, new OrderShippedEvent("order-1", "DHL", "JD01")))
			.withMessageContaining("order.delivered");
	}

	@Test
	void cannotDeprecateWithoutASunsetDate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventContract("order.delivered", 1,
				OrderDeliveredEvent.class, ContractStatus.DEPRECATED, null, new OrderDeliveredEvent("order-1")));
	}

	@Test
	void cannotGiveACurrentVersionASunsetDate() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventContract("order.delivered", 1, OrderDeliveredEvent.class, ContractStatus.CURRENT,
					LocalDate.of(2027, 6, 30), new OrderDeliveredEvent("order-1")));
	}

	@Test
	void canDeriveTheCurrentContractFromTheExample() {
		var contract = EventContract.current(new OrderDeliveredEvent("order-1"));

		assertThat(contract.type()).isEqualTo("order.delivered");
		assertThat(contract.version()).isEqualTo(1);
		assertThat(contract.payloadType()).isEqualTo(OrderDeliveredEvent.class);
		assertThat(contract.status()).isEqualTo(ContractStatus.CURRENT);
		assertThat(contract.sunset()).isNull();
	}

	@Test
	void cannotDeriveAContractFromAClassWithoutEventType() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventContract.current(new Unpublished("x")))
			.withMessageContaining("@EventType");
	}

	private record Unpublished(String value) {
	}

}
