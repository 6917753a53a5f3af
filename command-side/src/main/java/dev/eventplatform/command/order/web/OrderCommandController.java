package dev.eventplatform.command.order.web;

import static dev.eventplatform.infrastructure.openapi.ApiProblem.COMMAND_TIMEOUT;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.CONTENT_TOO_LARGE;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.IDEMPOTENCY_KEY_REUSED;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_IDEMPOTENCY_KEY;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_IF_MATCH;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.MALFORMED_REQUEST;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.NOT_FOUND;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.ORDER_ALREADY_PAID;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.ORDER_ALREADY_SHIPPED;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.ORDER_CLOSED;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.ORDER_NOT_PAID;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.ORDER_NOT_SHIPPED;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.PAYMENT_AMOUNT_MISMATCH;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.PRECONDITION_FAILED;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.PAYMENT_CURRENCY_MISMATCH;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.UNSUPPORTED_MEDIA_TYPE;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.VALIDATION_FAILED;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.VERSION_CONFLICT;

import dev.eventplatform.command.order.OrderCommands.CancelOrderCommand;
import dev.eventplatform.command.order.OrderCommands.CreateOrderCommand;
import dev.eventplatform.command.order.OrderCommands.MarkOrderDeliveredCommand;
import dev.eventplatform.command.order.OrderCommands.RecordPaymentCommand;
import dev.eventplatform.command.order.OrderCommands.ShipOrderCommand;
import dev.eventplatform.command.order.web.OrderRequests.CancelOrderRequest;
import dev.eventplatform.command.order.web.OrderRequests.CreateOrderRequest;
import dev.eventplatform.command.order.web.OrderRequests.MarkDeliveredRequest;
import dev.eventplatform.command.order.web.OrderRequests.OrderCommandResponse;
import dev.eventplatform.command.order.web.OrderRequests.RecordPaymentRequest;
import dev.eventplatform.command.order.web.OrderRequests.ShipOrderRequest;
import dev.eventplatform.events.order.OrderLine;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Translates order requests into commands; {@link OrderCommandSender} does the sending.
 */
@RestController
@RequestMapping("/orders")
@Tag(name = "Order commands",
		description = "Each command appends exactly one event, or answers a problem and changes nothing.")
@ApiContract(roles = Role.COMMAND, ifMatch = true, etag = true,
		problems = { MALFORMED_REQUEST, INVALID_IF_MATCH, INVALID_IDEMPOTENCY_KEY, CONTENT_TOO_LARGE,
				UNSUPPORTED_MEDIA_TYPE, IDEMPOTENCY_KEY_REUSED, PRECONDITION_FAILED, COMMAND_TIMEOUT })
class OrderCommandController {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final OrderCommandSender sender;

	OrderCommandController(OrderCommandSender sender) {
		this.sender = sender;
	}

	@PostMapping
	@Operation(operationId = "createOrder", summary = "Create an order", description = """
			The server generates the order id and appends `order.created`, whose `total` is the sum of \
			quantity × unit price.""")
	@ApiResponse(responseCode = "201", description = "Created, at version 0",
			headers = @Header(name = "Location", description = "`/orders/{orderId}`, the new order",
					schema = @Schema(type = "string")))
	@ApiContract(problems = VALIDATION_FAILED)
	Mono<ResponseEntity<OrderCommandResponse>> create(@Valid @RequestBody CreateOrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var lines = request.lines().stream().map(l -> new OrderLine(l.sku(), l.quantity(), l.unitPrice())).toList();
		var command = new CreateOrderCommand(UUID.randomUUID().toString(), request.customerId(), request.currency(),
				lines);
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		if (context.conditional()) {
			// RFC 9110: with no current representation to compare, If-Match is false.
			throw new CodedException(PlatformErrorCode.PRECONDITION_FAILED,
					"POST /orders creates a new order, which has no version for If-Match to match.");
		}
		return sender.create(command, request, context);
	}

	@PostMapping("/{orderId}/payments")
	@Operation(operationId = "payOrder", summary = "Record the payment of an order's total", description = """
			The amount and currency must be exactly the order's total and currency; the order must be \
			`CREATED`. Appends `order.payment_received`.""")
	@ApiContract(problems = { VALIDATION_FAILED, NOT_FOUND, VERSION_CONFLICT, ORDER_ALREADY_PAID, ORDER_CLOSED,
			PAYMENT_AMOUNT_MISMATCH, PAYMENT_CURRENCY_MISMATCH })
	Mono<ResponseEntity<OrderCommandResponse>> pay(@PathVariable String orderId,
			@Valid @RequestBody RecordPaymentRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId,
				new RecordPaymentCommand(orderId, context.expectedVersion(), request.amount(), request.currency()),
				request, context);
	}

	@PostMapping("/{orderId}/shipment")
	@Operation(operationId = "shipOrder", summary = "Ship a paid order", description = "Appends `order.shipped`.")
	@ApiContract(problems = { VALIDATION_FAILED, NOT_FOUND, VERSION_CONFLICT, ORDER_NOT_PAID, ORDER_ALREADY_SHIPPED,
			ORDER_CLOSED })
	Mono<ResponseEntity<OrderCommandResponse>> ship(@PathVariable String orderId,
			@Valid @RequestBody ShipOrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId,
				new ShipOrderCommand(orderId, context.expectedVersion(), request.carrier(), request.trackingNumber()),
				request, context);
	}

	@PostMapping("/{orderId}/delivery")
	@Operation(operationId = "deliverOrder", summary = "Confirm the delivery of a shipped order", description = """
			No body is needed; a JSON object is read and not used. Appends `order.delivered` and closes the \
			order.""")
	@ApiContract(problems = { NOT_FOUND, VERSION_CONFLICT, ORDER_NOT_SHIPPED, ORDER_CLOSED })
	Mono<ResponseEntity<OrderCommandResponse>> deliver(@PathVariable String orderId,
			@RequestBody(required = false) MarkDeliveredRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId, new MarkOrderDeliveredCommand(orderId, context.expectedVersion()),
				new MarkDeliveredRequest(), context);
	}

	@PostMapping("/{orderId}/cancellation")
	@Operation(operationId = "cancelOrder", summary = "Cancel an order before it ships", description = """
			Allowed while the order is `CREATED` or `PAID`. Appends `order.cancelled`, with what was paid as \
			`refundAmount`, and closes the order.""")
	@ApiContract(problems = { VALIDATION_FAILED, NOT_FOUND, VERSION_CONFLICT, ORDER_ALREADY_SHIPPED, ORDER_CLOSED })
	Mono<ResponseEntity<OrderCommandResponse>> cancel(@PathVariable String orderId,
			@Valid @RequestBody CancelOrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId, new CancelOrderCommand(orderId, context.expectedVersion(), request.reason()),
				request, context);
	}

}
