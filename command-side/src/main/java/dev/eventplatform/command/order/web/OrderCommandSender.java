package dev.eventplatform.command.order.web;

import dev.eventplatform.command.idempotency.CommandOutcome;
import dev.eventplatform.command.idempotency.IdempotentCommandExecutor;
import dev.eventplatform.command.order.OrderCommands.CreateOrderCommand;
import dev.eventplatform.command.order.web.OrderRequests.OrderCommandResponse;
import dev.eventplatform.infrastructure.axon.AxonInfrastructureConfiguration;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends order commands off the event loop (the command handler appends over JDBC) and
 * turns the outcome into the HTTP answer, replaying the first outcome for a repeated
 * Idempotency-Key.
 */
@Component
class OrderCommandSender {

	private final CommandGateway commandGateway;

	private final IdempotentCommandExecutor idempotent;

	private final Duration timeout;

	/**
	 * @param timeout how long to wait for a command's outcome; on the local command bus
	 * the handler runs on the calling thread and this never fires, on a distributed one
	 * the caller is freed and answered {@code 503 COMMAND_TIMEOUT}
	 */
	OrderCommandSender(CommandGateway commandGateway, IdempotentCommandExecutor idempotent,
			@Value("${platform.commands.timeout:10s}") Duration timeout) {
		this.commandGateway = commandGateway;
		this.idempotent = idempotent;
		this.timeout = timeout;
	}

	Mono<ResponseEntity<OrderCommandResponse>> create(CreateOrderCommand command, Object request,
			CommandContext context) {
		return run(context, request, () -> {
			send(command, context);
			return new CommandOutcome(HttpStatus.CREATED.value(), command.orderId(), 0);
		});
	}

	Mono<ResponseEntity<OrderCommandResponse>> update(String orderId, Object command, Object request,
			CommandContext context) {
		return run(context, request, () -> {
			Long version = send(command, context);
			return new CommandOutcome(HttpStatus.OK.value(), orderId, version);
		});
	}

	private <R> R send(Object command, CommandContext context) {
		try {
			return commandGateway.sendAndWait(
					GenericCommandMessage.asCommandMessage(command)
						.andMetaData(Map.of(AxonInfrastructureConfiguration.PRINCIPAL_METADATA, context.principal())),
					timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ConcurrencyException ex) {
			// Another node appended first. With If-Match, the caller's precondition no
			// longer holds.
			if (context.conditional()) {
				throw new CodedException(PlatformErrorCode.PRECONDITION_FAILED,
						"The resource changed concurrently, so it is no longer at the version If-Match names: "
								+ "read it again and decide.");
			}
			throw ex;
		}
	}

	private Mono<ResponseEntity<OrderCommandResponse>> run(CommandContext context, Object request,
			Supplier<CommandOutcome> command) {
		return Mono
			.fromCallable(
					() -> context.idempotencyKey() == null ? command.get()
							: idempotent.execute(context.principal(), context.idempotencyKey(),
									context.fingerprint(request), command))
			.subscribeOn(Schedulers.boundedElastic())
			.map(OrderCommandSender::toResponse);
	}

	private static ResponseEntity<OrderCommandResponse> toResponse(CommandOutcome outcome) {
		var response = ResponseEntity.status(outcome.status()).eTag(CommandContext.etag(outcome.version()));
		if (outcome.status() == HttpStatus.CREATED.value()) {
			response.location(URI.create("/orders/" + outcome.resourceId()));
		}
		return response.body(new OrderCommandResponse(outcome.resourceId(), outcome.version()));
	}

}
