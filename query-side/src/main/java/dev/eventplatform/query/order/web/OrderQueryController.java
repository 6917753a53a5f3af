package dev.eventplatform.query.order.web;

import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_PARAMETER;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.MALFORMED_REQUEST;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.NOT_FOUND;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.VALIDATION_FAILED;

import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.openapi.OpenApiConfiguration;
import dev.eventplatform.infrastructure.security.Role;
import dev.eventplatform.infrastructure.web.Problems;
import dev.eventplatform.query.order.OrderSummaries;
import dev.eventplatform.query.order.OrderSummary;
import dev.eventplatform.query.order.OrderSummaryStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads of the orders read model. */
@RestController
@RequestMapping("/orders")
@Tag(name = "Orders read model", description = """
		Built from the events asynchronously: right after a command it can still show the previous version, \
		or 404 for a new order. The version is the command side's, so an `ETag` read here is a valid `If-Match`. \
		`Read-Model-Position` names the last event-log position the answer reflects; a reset rebuilds the model \
		in other tables while these keep answering.""")
@ApiContract(roles = { Role.COMMAND, Role.AUDIT }, readModelPosition = true)
class OrderQueryController {

	private final OrderSummaries orders;

	OrderQueryController(OrderSummaries orders) {
		this.orders = orders;
	}

	@GetMapping("/{orderId}")
	@Operation(operationId = "getOrder", summary = "Read one order")
	@ApiContract(etag = true, problems = NOT_FOUND)
	Mono<ResponseEntity<OrderSummary>> get(@PathVariable String orderId) {
		return Mono.fromCallable(() -> orders.find(orderId))
			.subscribeOn(Schedulers.boundedElastic())
			.map(found -> found.value()
				.map(order -> ResponseEntity.ok()
					.eTag("\"" + order.version() + "\"")
					.header(OpenApiConfiguration.READ_MODEL_POSITION, Long.toString(found.position()))
					.body(order))
				.orElseThrow(() -> Problems.exception(PlatformErrorCode.NOT_FOUND,
						"No order with id '" + orderId + "' exists.")));
	}

	@GetMapping
	@Operation(operationId = "listOrders", summary = "List orders, newest first", description = """
			Offset paging: orders created while you page shift the pages.""")
	@ApiContract(problems = { INVALID_PARAMETER, VALIDATION_FAILED, MALFORMED_REQUEST })
	Mono<ResponseEntity<OrderPage>> list(
			@Parameter(description = "Only orders in this status, case-insensitive",
					schema = @Schema(allowableValues = { "created", "paid", "shipped", "delivered",
							"cancelled" })) @RequestParam(required = false) String status,
			@Parameter(description = "Only this exact `customerId`") @RequestParam(required = false) String customer,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		var statusFilter = status == null ? null : parseStatus(status);
		return Mono.fromCallable(() -> orders.find(statusFilter, customer, page, size))
			.subscribeOn(Schedulers.boundedElastic())
			.map(found -> ResponseEntity.ok()
				.header(OpenApiConfiguration.READ_MODEL_POSITION, Long.toString(found.position()))
				.body(new OrderPage(found.value().items(), page, size, found.value().total(),
						(int) ((found.value().total() + size - 1) / size))));
	}

	private static OrderSummaryStatus parseStatus(String status) {
		try {
			return OrderSummaryStatus.valueOf(status.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.exception(PlatformErrorCode.INVALID_PARAMETER, "status must be one of "
					+ List.of(OrderSummaryStatus.values()).toString().toLowerCase(Locale.ROOT));
		}
	}

	/** One page of orders, newest first. */
	record OrderPage(List<OrderSummary> items, int page, int size, long totalElements, int totalPages) {
	}

}
