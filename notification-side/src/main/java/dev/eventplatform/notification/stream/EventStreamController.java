package dev.eventplatform.notification.stream;

import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import dev.eventplatform.events.EventContract;
import dev.eventplatform.infrastructure.web.CodedException;
import org.springframework.http.HttpHeaders;
import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.openapi.ApiProblem;
import dev.eventplatform.infrastructure.security.QueryTokenAuthentication;
import dev.eventplatform.infrastructure.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /events/stream}: every problem with the request is answered before the
 * stream opens.
 */
@RestController
@Tag(name = "Event stream")
class EventStreamController {

	static final String LAST_EVENT_ID = "Last-Event-ID";

	/**
	 * Ids are positions: plain decimal numbers, which also keeps cross-origin reconnects
	 * preflight-free.
	 */
	private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

	/**
	 * Checked here, not bound as a number: a binding error would be answered in the
	 * stream's media type.
	 */
	private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}");

	private final EventStreams streams;

	private final EventCatalogue catalogue;

	EventStreamController(EventStreams streams, EventCatalogue catalogue) {
		this.streams = streams;
		this.catalogue = catalogue;
	}

	/**
	 * A browser's reconnect sends {@code Last-Event-ID}, which wins over the first
	 * connection's {@code after}. The head is read before the response is sent, so that
	 * every event committed after the response headers arrive is delivered.
	 */
	@GetMapping(path = "/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Stream events live as Server-Sent Events, resuming after Last-Event-ID",
			description = "Each event has `id:` (its position), `event:` (its type) and `data:` (its envelope). "
					+ "See docs/api/stream.md.")
	@Parameter(name = QueryTokenAuthentication.PARAMETER, in = ParameterIn.QUERY,
			description = "A stream token from `POST /events/stream/tokens`, for browsers' `EventSource`, which "
					+ "cannot send `Authorization`; accepted on this request only, and only without `Authorization`. "
					+ "Never a key.",
			schema = @Schema(type = "string"))
	@ApiResponse(responseCode = "200", description = "The stream, as `text/event-stream`",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
	@ApiContract(roles = Role.STREAM, problems = { ApiProblem.UNKNOWN_EVENT_TYPE_FILTER, ApiProblem.INVALID_EVENT_ID,
			ApiProblem.TOO_MANY_STREAMS, ApiProblem.UNSUPPORTED_EVENT_VERSION, ApiProblem.INVALID_PARAMETER })
	Mono<ResponseEntity<Flux<SseChunk>>> stream(@RequestParam(required = false) List<String> types,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String after,
			@RequestParam(required = false) String version,
			@RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId, Principal principal) {
		var filter = filter(types, subject);
		if (version != null) {
			requireCurrent(filter, version);
		}
		Long from = lastEventId != null ? position(LAST_EVENT_ID, lastEventId)
				: after != null ? position("after", after) : null;
		return (from != null ? Mono.just(from) : streams.head()).map(start -> ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.header("X-Accel-Buffering", "no")
			.body(streams.open(principal.getName(), filter, start)));
	}

	private StreamFilter filter(List<String> types, String subject) {
		var names = new HashSet<String>();
		var payloadTypes = new HashSet<String>();
		for (var type : types == null ? List.<String>of() : types) {
			var matching = catalogue.typesMatching(type);
			if (matching.isEmpty()) {
				throw Problems.exception(PlatformErrorCode.UNKNOWN_EVENT_TYPE, "'" + type
						+ "' names no type in the event catalogue (GET /schemas); 'order.*' names all of a resource's types.");
			}
			names.addAll(matching);
			matching.forEach(name -> payloadTypes.addAll(catalogue.payloadClassNames(name)));
		}
		return new StreamFilter(names, payloadTypes, subject);
	}

	/**
	 * Problems are thrown as framework errors here: they are rendered as problem+json
	 * even though the operation produces {@code text/event-stream}.
	 */
	private void requireCurrent(StreamFilter filter, String version) {
		if (!VERSION.matcher(version).matches()) {
			throw Problems.exception(PlatformErrorCode.INVALID_PARAMETER, "version must be a whole number such as 1.");
		}
		var types = filter.types().isEmpty()
				? catalogue.contracts().stream().map(EventContract::type).collect(Collectors.toSet()) : filter.types();
		try {
			catalogue.requireCurrent(types, Integer.parseInt(version));
		}
		catch (CodedException ex) {
			throw Problems.exception(ex.code(), ex.getMessage());
		}
	}

	private static Long position(String source, String value) {
		if (!POSITION.matcher(value).matches()) {
			throw Problems.exception(PlatformErrorCode.INVALID_EVENT_ID,
					source + " must be the id of an event of this stream: a whole number such as 42.");
		}
		return Long.parseLong(value);
	}

}
