package dev.eventplatform.command.order.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import dev.eventplatform.command.order.OrderLimits;
import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the order command API; validated before any command is sent. */
final class OrderRequests {

	private static final String CURRENCY = "[A-Z]{3}";

	private static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

	/** Identifiers: no control characters (PostgreSQL text cannot even store NUL). */
	private static final String PRINTABLE = "\\P{Cntrl}*";

	private static final String PRINTABLE_MESSAGE = "must not contain control characters";

	/** Free text: line breaks and tabs are fine, other control characters are not. */
	private static final String TEXT = "[\\t\\n\\r\\P{Cntrl}]*";

	private static final String TEXT_MESSAGE = "must not contain control characters other than tabs and line breaks";

	private OrderRequests() {
	}

	record CreateOrderRequest(@NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String customerId,
			@NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
			@NotEmpty @Size(max = OrderLimits.MAX_LINES) List<@Valid @NotNull OrderLineRequest> lines) {
	}

	record OrderLineRequest(@NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String sku,
			@Min(1) @Max(OrderLimits.MAX_QUANTITY) int quantity,
			@NotNull @DecimalMin(value = "0.01") @Digits(integer = OrderLimits.UNIT_PRICE_INTEGER_DIGITS,
					fraction = OrderLimits.FRACTION_DIGITS) BigDecimal unitPrice) {
	}

	record RecordPaymentRequest(@NotNull @DecimalMin(value = "0.01") @Digits(integer = OrderLimits.TOTAL_INTEGER_DIGITS,
			fraction = OrderLimits.FRACTION_DIGITS) BigDecimal amount,
			@NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
	}

	record ShipOrderRequest(@NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String carrier,
			@NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String trackingNumber) {
	}

	record MarkDeliveredRequest() {
	}

	record CancelOrderRequest(@NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String reason) {
	}

	/** The answer to every successful command; the version is also the ETag. */
	record OrderCommandResponse(String orderId, long version) {
	}

}
