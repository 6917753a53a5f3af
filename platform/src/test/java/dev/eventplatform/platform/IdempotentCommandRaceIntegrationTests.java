package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.command.idempotency.CommandOutcome;
import dev.eventplatform.command.idempotency.IdempotentCommandExecutor;
import dev.eventplatform.command.order.OrderCommands.CreateOrderCommand;
import dev.eventplatform.events.order.OrderLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two requests with one idempotency key that both find no outcome yet, and both send
 * their command: the second outcome row is refused by the database, which rolls back that
 * request's event with it, and the request answers with the first one's outcome.
 */
@PlatformIntegrationTest
class IdempotentCommandRaceIntegrationTests {

	@Autowired
	IdempotentCommandExecutor executor;

	@Autowired
	CommandGateway commandGateway;

	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsRacingWithOneKeyGetTheSameOutcomeAndLeaveOneEvent() {
		var key = "race-" + UUID.randomUUID();
		var before = jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry")
			.query(Long.class)
			.single();
		// Each request waits inside its transaction, after looking the key up, until the
		// other is there too.
		var bothLookedUp = new CyclicBarrier(2);
		var sent = new AtomicInteger();
		Supplier<CommandOutcome> createOrder = () -> {
			try {
				bothLookedUp.await(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The other request never reached its command", ex);
			}
			sent.incrementAndGet();
			var orderId = UUID.randomUUID().toString();
			commandGateway.sendAndWait(
					new CreateOrderCommand(orderId, key, "EUR", List.of(new OrderLine("SKU-1", 1, BigDecimal.TEN))));
			return new CommandOutcome(201, orderId, 0);
		};

		var outcomes = List
			.of(CompletableFuture.supplyAsync(() -> executor.execute("test-command", key, "POST /orders", createOrder)),
					CompletableFuture
						.supplyAsync(() -> executor.execute("test-command", key, "POST /orders", createOrder)))
			.stream()
			.map(CompletableFuture::join)
			.toList();

		assertThat(sent).as("both requests sent their command").hasValue(2);
		assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
		assertThat(jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index > ?")
			.param(before)
			.query(String.class)
			.list()).containsExactly(outcomes.get(0).resourceId());
	}

}
