package dev.eventplatform.command.order;

import static org.hamcrest.Matchers.equalTo;

import dev.eventplatform.command.order.OrderCommands.CancelOrderCommand;
import dev.eventplatform.command.order.OrderCommands.CreateOrderCommand;
import dev.eventplatform.command.order.OrderCommands.MarkOrderDeliveredCommand;
import dev.eventplatform.command.order.OrderCommands.RecordPaymentCommand;
import dev.eventplatform.command.order.OrderCommands.ShipOrderCommand;
import dev.eventplatform.events.order.OrderCancelledEvent;
import dev.eventplatform.events.order.OrderCreatedEvent;
import dev.eventplatform.events.order.OrderDeliveredEvent;
import dev.eventplatform.events.order.OrderLine;
import dev.eventplatform.events.order.OrderPaymentReceivedEvent;
import dev.eventplatform.events.order.OrderShippedEvent;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.ErrorCode;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One fixture test per rule of {@link Order}; a rejected command must apply nothing. */
class OrderTest {

	private static final String ORDER_ID = "order-1";

	private static final BigDecimal TOTAL = new BigDecimal("28.50");

	private static final List<OrderLine> LINES = List.of(new OrderLine("SKU-1", 2, new BigDecimal("12.50")),
			new OrderLine("SKU-2", 1, new BigDecimal("3.50")));

	private FixtureConfiguration<Order> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(Order.class);
	}

	// Creation

	@Test
	void canCreateAnOrderWithTheTotalComputedFromItsLines() {
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR", LINES))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new OrderCreatedEvent(ORDER_ID, "cust-42", "EUR", LINES, TOTAL))
			// Axon answers a creating command with the new aggregate's id.
			.expectResultMessagePayload(ORDER_ID);
	}

	@Test
	void cannotCreateAnOrderWithoutLines() {
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR", List.of()))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER))
			.expectExceptionMessage("An order needs 1 to 100 lines.");
	}

	@Test
	void cannotCreateAnOrderWithNullLines() {
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR", null))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER));
	}

	@Test
	void cannotCreateAnOrderWithAZeroQuantity() {
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR",
					List.of(LINES.get(0), new OrderLine("SKU-2", 0, new BigDecimal("3.50")))))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER))
			.expectExceptionMessage("Line 'SKU-2' needs a quantity of 1 to 10000 and a positive unit price of at most"
					+ " 12 digits and 2 decimals.");
	}

	@Test
	void cannotCreateAnOrderWithANegativeQuantity() {
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR",
					List.of(new OrderLine("SKU-1", -1, new BigDecimal("12.50")))))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER));
	}

	@Test
	void cannotCreateAnOrderWithAZeroUnitPrice() {
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR",
					List.of(new OrderLine("SKU-1", 1, BigDecimal.ZERO))))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER));
	}

	@Test
	void cannotCreateAnOrderWithANegativeUnitPrice() {
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR",
					List.of(new OrderLine("SKU-1", 1, new BigDecimal("-0.01")))))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER));
	}

	@Test
	void cannotCreateAnOrderWithoutAUnitPrice() {
		// A missing price must be a rule violation, not a NullPointerException from the
		// total.
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR", List.of(new OrderLine("SKU-1", 1, null))))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER));
	}

	@Test
	void canCreateAnOrderAtTheLargestTotalAndPayIt() {
		// The largest total fits the read model's NUMERIC(16, 2) and a payment's 14
		// digits.
		var lines = List.of(new OrderLine("SKU-1", 10_000, new BigDecimal("9999999999.99")),
				new OrderLine("SKU-2", 1, new BigDecimal("99.99")));
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR", lines))
			.expectEvents(new OrderCreatedEvent(ORDER_ID, "cust-42", "EUR", lines, OrderLimits.MAX_TOTAL));
		fixture.given(new OrderCreatedEvent(ORDER_ID, "cust-42", "EUR", lines, OrderLimits.MAX_TOTAL))
			.when(new RecordPaymentCommand(ORDER_ID, null, OrderLimits.MAX_TOTAL, "EUR"))
			.expectEvents(new OrderPaymentReceivedEvent(ORDER_ID, OrderLimits.MAX_TOTAL, "EUR"));
	}

	@Test
	void cannotCreateAnOrderWhoseTotalExceedsTheLargest() {
		// Issue 5's poison order: accepted before, it overflowed the read model and could
		// never be paid.
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "x", "EUR",
					List.of(new OrderLine("A", 1000, new BigDecimal("999999999999.99")))))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER))
			.expectExceptionMessage("The order total 999999999999990.00 exceeds the maximum of 99999999999999.99.");
	}

	@Test
	void cannotCreateAnOrderWithMoreQuantityOrDigitsThanTheLimits() {
		for (var line : List.of(new OrderLine("SKU-1", 10_001, BigDecimal.ONE),
				new OrderLine("SKU-1", 1, new BigDecimal("1.001")),
				new OrderLine("SKU-1", 1, new BigDecimal("1000000000000")),
				new OrderLine("SKU-1", 1, new BigDecimal("1e2147483647")))) {
			fixture.givenNoPriorActivity()
				.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR", List.of(line)))
				.expectNoEvents()
				.expectException(violation(OrderErrorCode.INVALID_ORDER));
		}
	}

	@Test
	void cannotCreateAnOrderWithMoreLinesThanTheLimit() {
		var lines = Collections.nCopies(OrderLimits.MAX_LINES + 1, LINES.get(0));
		fixture.givenNoPriorActivity()
			.when(new CreateOrderCommand(ORDER_ID, "cust-42", "EUR", lines))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.INVALID_ORDER));
	}

	// Payment

	@Test
	void canPayTheExactTotalInTheOrderCurrencyAndGetVersionOne() {
		fixture.given(created())
			.when(new RecordPaymentCommand(ORDER_ID, null, TOTAL, "EUR"))
			.expectEvents(new OrderPaymentReceivedEvent(ORDER_ID, TOTAL, "EUR"))
			.expectResultMessagePayload(1L);
	}

	@Test
	void canPayTheTotalWrittenWithAnotherScale() {
		// Amounts are compared by value: 28.5 pays a total of 28.50.
		var amount = new BigDecimal("28.5");
		fixture.given(created())
			.when(new RecordPaymentCommand(ORDER_ID, null, amount, "EUR"))
			.expectEvents(new OrderPaymentReceivedEvent(ORDER_ID, amount, "EUR"));
	}

	@Test
	void cannotPayLessThanTheTotal() {
		fixture.given(created())
			.when(new RecordPaymentCommand(ORDER_ID, null, new BigDecimal("28.49"), "EUR"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.PAYMENT_AMOUNT_MISMATCH))
			.expectExceptionMessage("The order total is 28.50, the payment 28.49.");
	}

	@Test
	void cannotPayMoreThanTheTotal() {
		fixture.given(created())
			.when(new RecordPaymentCommand(ORDER_ID, null, new BigDecimal("28.51"), "EUR"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.PAYMENT_AMOUNT_MISMATCH));
	}

	@Test
	void cannotPayAnAmountWithAnAbsurdExponent() {
		// toPlainString of this amount would not fit in a string: the rule must still
		// answer.
		fixture.given(created())
			.when(new RecordPaymentCommand(ORDER_ID, null, new BigDecimal("1e2147483647"), "EUR"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.PAYMENT_AMOUNT_MISMATCH))
			.expectExceptionMessage("The order total is 28.50, the payment 1E+2147483647.");
	}

	@Test
	void cannotPayInAnotherCurrency() {
		fixture.given(created())
			.when(new RecordPaymentCommand(ORDER_ID, null, TOTAL, "USD"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.PAYMENT_CURRENCY_MISMATCH))
			.expectExceptionMessage("The order is in EUR, the payment in USD.");
	}

	@Test
	void cannotPayTwice() {
		fixture.given(created(), paid())
			.when(new RecordPaymentCommand(ORDER_ID, null, TOTAL, "EUR"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_ALREADY_PAID));
	}

	@Test
	void cannotPayAShippedOrder() {
		fixture.given(created(), paid(), shipped())
			.when(new RecordPaymentCommand(ORDER_ID, null, TOTAL, "EUR"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_ALREADY_PAID));
	}

	@Test
	void cannotPayACancelledOrder() {
		fixture.given(created(), new OrderCancelledEvent(ORDER_ID, "changed mind", BigDecimal.ZERO, "EUR"))
			.when(new RecordPaymentCommand(ORDER_ID, null, TOTAL, "EUR"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED))
			.expectExceptionMessage("The order is cancelled and accepts no further changes.");
	}

	@Test
	void cannotPayADeliveredOrder() {
		fixture.given(created(), paid(), shipped(), delivered())
			.when(new RecordPaymentCommand(ORDER_ID, null, TOTAL, "EUR"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED))
			.expectExceptionMessage("The order is delivered and accepts no further changes.");
	}

	// Shipping

	@Test
	void canShipAPaidOrderAndGetVersionTwo() {
		fixture.given(created(), paid())
			.when(new ShipOrderCommand(ORDER_ID, null, "DHL", "JD014600003828"))
			.expectEvents(new OrderShippedEvent(ORDER_ID, "DHL", "JD014600003828"))
			.expectResultMessagePayload(2L);
	}

	@Test
	void cannotShipBeforePayment() {
		fixture.given(created())
			.when(new ShipOrderCommand(ORDER_ID, null, "DHL", "JD014600003828"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_NOT_PAID));
	}

	@Test
	void cannotShipTwice() {
		fixture.given(created(), paid(), shipped())
			.when(new ShipOrderCommand(ORDER_ID, null, "UPS", "1Z999"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_ALREADY_SHIPPED));
	}

	@Test
	void cannotShipACancelledOrder() {
		fixture.given(created(), paid(), new OrderCancelledEvent(ORDER_ID, "changed mind", TOTAL, "EUR"))
			.when(new ShipOrderCommand(ORDER_ID, null, "DHL", "JD014600003828"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED));
	}

	@Test
	void cannotShipADeliveredOrder() {
		fixture.given(created(), paid(), shipped(), delivered())
			.when(new ShipOrderCommand(ORDER_ID, null, "DHL", "JD014600003828"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED));
	}

	// Delivery

	@Test
	void canDeliverAShippedOrderAndGetVersionThree() {
		fixture.given(created(), paid(), shipped())
			.when(new MarkOrderDeliveredCommand(ORDER_ID, null))
			.expectEvents(new OrderDeliveredEvent(ORDER_ID))
			.expectResultMessagePayload(3L);
	}

	@Test
	void cannotDeliverAnUnpaidOrder() {
		fixture.given(created())
			.when(new MarkOrderDeliveredCommand(ORDER_ID, null))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_NOT_SHIPPED));
	}

	@Test
	void cannotDeliverAPaidOrderBeforeShipping() {
		fixture.given(created(), paid())
			.when(new MarkOrderDeliveredCommand(ORDER_ID, null))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_NOT_SHIPPED))
			.expectExceptionMessage("Only a shipped order can be delivered.");
	}

	@Test
	void cannotDeliverTwice() {
		fixture.given(created(), paid(), shipped(), delivered())
			.when(new MarkOrderDeliveredCommand(ORDER_ID, null))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED));
	}

	@Test
	void cannotDeliverACancelledOrder() {
		fixture.given(created(), new OrderCancelledEvent(ORDER_ID, "changed mind", BigDecimal.ZERO, "EUR"))
			.when(new MarkOrderDeliveredCommand(ORDER_ID, null))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED));
	}

	// Cancellation

	@Test
	void canCancelBeforePaymentWithNothingToRefund() {
		fixture.given(created())
			.when(new CancelOrderCommand(ORDER_ID, null, "changed mind"))
			.expectEvents(new OrderCancelledEvent(ORDER_ID, "changed mind", BigDecimal.ZERO, "EUR"))
			.expectResultMessagePayload(1L);
	}

	@Test
	void canCancelAfterPaymentWithTheAmountPaidToRefund() {
		fixture.given(created(), paid())
			.when(new CancelOrderCommand(ORDER_ID, null, "out of stock"))
			.expectEvents(new OrderCancelledEvent(ORDER_ID, "out of stock", TOTAL, "EUR"))
			.expectResultMessagePayload(2L);
	}

	@Test
	void cannotCancelAShippedOrder() {
		fixture.given(created(), paid(), shipped())
			.when(new CancelOrderCommand(ORDER_ID, null, "too late"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_ALREADY_SHIPPED))
			.expectExceptionMessage("A shipped order can no longer be cancelled.");
	}

	@Test
	void cannotCancelADeliveredOrder() {
		fixture.given(created(), paid(), shipped(), delivered())
			.when(new CancelOrderCommand(ORDER_ID, null, "too late"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED));
	}

	@Test
	void cannotCancelTwice() {
		fixture.given(created(), new OrderCancelledEvent(ORDER_ID, "changed mind", BigDecimal.ZERO, "EUR"))
			.when(new CancelOrderCommand(ORDER_ID, null, "again"))
			.expectNoEvents()
			.expectException(violation(OrderErrorCode.ORDER_CLOSED));
	}

	// Expected version

	@Test
	void canApplyACommandThatNamesTheCurrentVersion() {
		fixture.given(created(), paid())
			.when(new ShipOrderCommand(ORDER_ID, 1L, "DHL", "JD014600003828"))
			.expectEvents(new OrderShippedEvent(ORDER_ID, "DHL", "JD014600003828"));
	}

	@Test
	void cannotApplyACommandThatNamesAnOlderVersion() {
		// Someone else changed the order since the caller read version 0.
		fixture.given(created(), paid())
			.when(new CancelOrderCommand(ORDER_ID, 0L, "changed mind"))
			.expectNoEvents()
			.expectException(preconditionFailed())
			.expectExceptionMessage(
					"If-Match names version 0, the resource is at version 1: read it again and decide.");
	}

	@Test
	void cannotApplyACommandThatNamesANewerVersion() {
		// Axon refuses this one while loading; the web layer answers both with 412.
		fixture.given(created())
			.when(new ShipOrderCommand(ORDER_ID, 7L, "DHL", "JD014600003828"))
			.expectNoEvents()
			.expectException(ConflictingAggregateVersionException.class);
	}

	@Test
	void aFailedPreconditionIsReportedBeforeTheRulesTheNewerStateBreaks() {
		// Paying twice breaks "pay once", but the caller asked "only at version 0": that
		// is the answer.
		fixture.given(created(), paid())
			.when(new RecordPaymentCommand(ORDER_ID, 0L, TOTAL, "EUR"))
			.expectNoEvents()
			.expectException(preconditionFailed());
	}

	private static OrderCreatedEvent created() {
		return new OrderCreatedEvent(ORDER_ID, "cust-42", "EUR", LINES, TOTAL);
	}

	private static OrderPaymentReceivedEvent paid() {
		return new OrderPaymentReceivedEvent(ORDER_ID, TOTAL, "EUR");
	}

	private static OrderShippedEvent shipped() {
		return new OrderShippedEvent(ORDER_ID, "DHL", "JD014600003828");
	}

	private static OrderDeliveredEvent delivered() {
		return new OrderDeliveredEvent(ORDER_ID);
	}

	private static Matcher<CodedException> preconditionFailed() {
		return new FeatureMatcher<CodedException, ErrorCode>(equalTo(PlatformErrorCode.PRECONDITION_FAILED),
				"a CodedException with code", "code") {

			@Override
			protected ErrorCode featureValueOf(CodedException actual) {
				return actual.code();
			}

		};
	}

	/**
	 * An {@link OrderRuleViolation} with the given code; any other exception does not
	 * match.
	 */
	private static Matcher<OrderRuleViolation> violation(OrderErrorCode code) {
		return new FeatureMatcher<>(equalTo(code), "an OrderRuleViolation with code", "code") {

			@Override
			protected OrderErrorCode featureValueOf(OrderRuleViolation actual) {
				return actual.code();
			}

		};
	}

}
