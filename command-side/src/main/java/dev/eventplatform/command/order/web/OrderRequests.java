package dev.eventplatform.command.order.web;

import io.swagger.v3.oas.annotations.media.Schema;
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
import static dev.eventplatform.infrastructure.web.TextPatterns.PRINTABLE;
import static dev.eventplatform.infrastructure.web.TextPatterns.PRINTABLE_MESSAGE;
import static dev.eventplatform.infrastructure.web.TextPatterns.TEXT;
import static dev.eventplatform.infrastructure.web.TextPatterns.TEXT_MESSAGE;
import dev.eventplatform.command.order.OrderLimits;
import java.math.BigDecimal;
import java.util.List;

/**
 * Request bodies of the order command API; validated before any command is sent. The
 * patterns are anchored and avoid Java-only classes, so that the OpenAPI description
 * (ECMA-262 regular expressions, unanchored) states the same rule.
 */
final class OrderRequests {

	private static final String CURRENCY = "^[A-Z]{3}$";

	private static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

	private OrderRequests() {
	}

	record CreateOrderRequest(
			@Schema(example = "cust-42") @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE,
					message = PRINTABLE_MESSAGE) String customerId,
			@Schema(example = "EUR") @NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
			@NotEmpty @Size(max = OrderLimits.MAX_LINES) List<@Valid @NotNull OrderLineRequest> lines) {
	}

	record OrderLineRequest(
			@Schema(example = "SKU-1") @NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE,
					message = PRINTABLE_MESSAGE) String sku,
			// Required though it has no @NotNull: the reader refuses a missing number
			// (MALFORMED_REQUEST).
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					example = "2") @Min(1) @Max(OrderLimits.MAX_QUANTITY) int quantity,
			@Schema(example = "12.50") @NotNull @DecimalMin(value = "0.01") @Digits(
					integer = OrderLimits.UNIT_PRICE_INTEGER_DIGITS,
					fraction = OrderLimits.FRACTION_DIGITS) BigDecimal unitPrice) {
	}

	record RecordPaymentRequest(@Schema(example = "25.00") @NotNull @DecimalMin(value = "0.01") @Digits(
			integer = OrderLimits.TOTAL_INTEGER_DIGITS, fraction = OrderLimits.FRACTION_DIGITS) BigDecimal amount,
			@Schema(example = "EUR") @NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
	}

	record ShipOrderRequest(
			@Schema(example = "DHL") @NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE,
					message = PRINTABLE_MESSAGE) String carrier,
			@Schema(example = "JD014600003828") @NotBlank @Size(max = 64) @Pattern(regexp = PRINTABLE,
					message = PRINTABLE_MESSAGE) String trackingNumber) {
	}

	@Schema(description = "Optional: any JSON object, not used")
	record MarkDeliveredRequest() {
	}

	record CancelOrderRequest(@Schema(example = "customer request") @NotBlank @Size(max = 500) @Pattern(regexp = TEXT,
			message = TEXT_MESSAGE) String reason) {
	}

	/** The answer to every successful command; the version is also the ETag. */
	record OrderCommandResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String orderId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The order's version after the command, also its `ETag`") long version) {
	}

}
