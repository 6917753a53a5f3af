package dev.eventplatform.command.order.web;

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

/** Translates order requests into commands; {@link OrderCommandSender} does the sending. */
@RestController
@RequestMapping("/orders")
class OrderCommandController {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final OrderCommandSender sender;

	OrderCommandController(OrderCommandSender sender) {
		this.sender = sender;
	}

	@PostMapping
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
	Mono<ResponseEntity<OrderCommandResponse>> pay(@PathVariable String orderId,
			@Valid @RequestBody RecordPaymentRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId, new RecordPaymentCommand(orderId, context.expectedVersion(), request.amount(),
				request.currency()), request, context);
	}

	@PostMapping("/{orderId}/shipment")
	Mono<ResponseEntity<OrderCommandResponse>> ship(@PathVariable String orderId,
			@Valid @RequestBody ShipOrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId, new ShipOrderCommand(orderId, context.expectedVersion(), request.carrier(),
				request.trackingNumber()), request, context);
	}

	@PostMapping("/{orderId}/delivery")
	Mono<ResponseEntity<OrderCommandResponse>> deliver(@PathVariable String orderId,
			@RequestBody(required = false) MarkDeliveredRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId, new MarkOrderDeliveredCommand(orderId, context.expectedVersion()),
				new MarkDeliveredRequest(), context);
	}

	@PostMapping("/{orderId}/cancellation")
	Mono<ResponseEntity<OrderCommandResponse>> cancel(@PathVariable String orderId,
			@Valid @RequestBody CancelOrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal,
			ServerWebExchange exchange) {
		var context = CommandContext.of(exchange, principal, idempotencyKey);
		return sender.update(orderId, new CancelOrderCommand(orderId, context.expectedVersion(), request.reason()), request,
				context);
	}

}
