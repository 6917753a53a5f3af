package dev.eventplatform.infrastructure.processor.web;

import static dev.eventplatform.infrastructure.openapi.ApiProblem.MALFORMED_REQUEST;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.UNKNOWN_PROCESSOR;

import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.openapi.ApiProblem;
import dev.eventplatform.infrastructure.processor.ProcessorOperations;
import dev.eventplatform.infrastructure.processor.ProcessorStatus;
import dev.eventplatform.infrastructure.processor.Processors;
import dev.eventplatform.infrastructure.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators see and move the streaming processors of every node. Each action is recorded
 * in the audit log with the operator's key name; the other nodes apply it within
 * {@code platform.processors.interval}.
 */
@RestController
@RequestMapping("/processors")
@Tag(name = "Processors")
@ApiContract(roles = Role.OPERATOR, problems = { UNKNOWN_PROCESSOR })
class ProcessorController {

	private final Processors processors;

	private final ProcessorOperations operations;

	ProcessorController(Processors processors, ProcessorOperations operations) {
		this.processors = processors;
		this.operations = operations;
	}

	@GetMapping
	@Operation(summary = "List every streaming processor of this node and its peers, with positions, lag and state")
	Mono<List<ProcessorStatus>> list() {
		return blocking(processors::list);
	}

	@GetMapping("/{name}")
	@Operation(summary = "One processor's status")
	Mono<ProcessorStatus> get(@PathVariable String name) {
		return blocking(() -> processors.get(name));
	}

	@PostMapping("/{name}/pause")
	@Operation(summary = "Pause a processor on every node; it keeps its position")
	Mono<ProcessorStatus> pause(@PathVariable String name, Principal principal) {
		return blocking(() -> operations.pause(name, principal.getName()));
	}

	@PostMapping("/{name}/resume")
	@Operation(summary = "Resume a paused processor; it catches up from where it stopped")
	Mono<ProcessorStatus> resume(@PathVariable String name, Principal principal) {
		return blocking(() -> operations.resume(name, principal.getName()));
	}

	@PostMapping("/{name}/reset")
	@Operation(summary = "Stop a processor on every node, move its tokens to the target and start it again; "
			+ "projections rebuild through their reset handlers")
	@ApiContract(problems = { MALFORMED_REQUEST, ApiProblem.INVALID_RESET_TARGET, ApiProblem.REDELIVERY_NOT_CONFIRMED })
	Mono<ProcessorStatus> reset(@PathVariable String name, @RequestBody ResetRequest request, Principal principal) {
		return blocking(() -> operations.reset(name, request.target(), request.position(), request.instant(),
				Boolean.TRUE.equals(request.redeliver()), principal.getName()));
	}

	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Where a reset moves the processor to.
	 */
	record ResetRequest(
			@Schema(description = "`tail` (the whole log), `head` (nothing old), `position` or `instant`",
					allowableValues = {
							"tail", "head", "position", "instant" },
					requiredMode = Schema.RequiredMode.REQUIRED) String target,
			@Schema(description = "With target `position`: handle the events after this position",
					example = "41250") Long position,
			@Schema(description = "With target `instant`: handle the events appended at or after it",
					example = "2026-11-28T12:00:00Z") String instant,
			@Schema(description = "Required for processors that send to the outside world (webhooks): "
					+ "they send again what the target covers") Boolean redeliver){
	}

}
