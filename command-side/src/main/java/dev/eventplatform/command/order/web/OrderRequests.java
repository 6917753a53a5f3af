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
import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the order command API; validated before any command is sent. */
final class OrderRequests {

	private static final String CURRENCY = "[A-Z]{3}";

	private static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

	private OrderRequests() {
	}

	record CreateOrderRequest(@NotBlank @Size(max = 100) String customerId,
			@NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
			@NotEmpty @Size(max = 100) List<@Valid @NotNull OrderLineRequest> lines) {
	}

	record OrderLineRequest(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(10_000) int quantity,
			@NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice) {
	}

	record RecordPaymentRequest(@NotNull @DecimalMin(value = "0.01") @Digits(integer = 14, fraction = 2) BigDecimal amount,
			@NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
	}

	record ShipOrderRequest(@NotBlank @Size(max = 64) String carrier, @NotBlank @Size(max = 64) String trackingNumber) {
	}

	record MarkDeliveredRequest() {
	}

	record CancelOrderRequest(@NotBlank @Size(max = 500) String reason) {
	}

	/** The answer to every successful command; the version is also the ETag. */
	record OrderCommandResponse(String orderId, long version) {
	}

}
