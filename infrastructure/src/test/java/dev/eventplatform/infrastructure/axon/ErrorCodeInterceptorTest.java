package dev.eventplatform.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.ProblemCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A rejected command's code must survive a distributed command bus, where only the
 * exception's message and details reach the sender.
 */
class ErrorCodeInterceptorTest {

	@Test
	void aCodedRejectionReachesTheSenderWithItsCodeInTheDetails() {
		var bus = SimpleCommandBus.builder().build();
		bus.registerHandlerInterceptor(new ErrorCodeInterceptor());
		bus.subscribe(String.class.getName(), command -> {
			throw new CodedException(PlatformErrorCode.IDEMPOTENCY_KEY_REUSED, "used before");
		});
		var gateway = DefaultCommandGateway.builder().commandBus(bus).build();

		assertThatExceptionOfType(CommandExecutionException.class).isThrownBy(() -> gateway.sendAndWait("command"))
			.withMessage("used before")
			.satisfies(ex -> assertThat(ex.getDetails())
				.contains(new ProblemCode("IDEMPOTENCY_KEY_REUSED", "Idempotency key reused", 422)));
	}

	@Test
	void theDetailsSurviveSerializationAsAxonServerWouldSendThem() {
		var serializer = JacksonSerializer.builder()
			.objectMapper(AxonInfrastructureConfiguration.axonObjectMapper())
			.build();
		var details = ProblemCode.of(PlatformErrorCode.NO_SUCH_SCHEMA);

		var received = serializer.deserialize(serializer.serialize(details, byte[].class));

		assertThat(received).isEqualTo(new ProblemCode("UNKNOWN_EVENT_TYPE", "Not found", 404));
	}

}
