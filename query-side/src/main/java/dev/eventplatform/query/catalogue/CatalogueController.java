package dev.eventplatform.query.catalogue;

import static dev.eventplatform.infrastructure.openapi.ApiProblem.MALFORMED_REQUEST;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.UNKNOWN_EVENT_TYPE;

import dev.eventplatform.events.EventContract;
import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event catalogue: every published type and version with its JSON Schema and an
 * example.
 */
@RestController
@RequestMapping("/schemas")
@Tag(name = "Event catalogue",
		description = "Every published event type and version, with the JSON Schema of its payload.")
@ApiContract
class CatalogueController {

	private final EventCatalogue catalogue;

	CatalogueController(EventCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(operationId = "listEventTypes", summary = "List every event type and version")
	CatalogueResponse list() {
		var byType = catalogue.contracts()
			.stream()
			.collect(Collectors.groupingBy(EventContract::type, TreeMap::new, Collectors.toList()));
		return new CatalogueResponse(byType.entrySet()
			.stream()
			.map(entry -> new TypeSummary(entry.getKey(), entry.getValue().stream().map(VersionSummary::of).toList()))
			.toList());
	}

	@GetMapping("/{type}/versions/{version}")
	@Operation(operationId = "getEventSchema", summary = "The JSON Schema and an example of one event version")
	@ApiContract(problems = { UNKNOWN_EVENT_TYPE, MALFORMED_REQUEST })
	VersionDetail version(@PathVariable String type, @PathVariable int version) {
		var contract = catalogue.find(type, version)
			.orElseThrow(() -> Problems.exception(PlatformErrorCode.NO_SUCH_SCHEMA,
					"The catalogue has no version " + version + " of '" + type + "'."));
		return new VersionDetail(contract.type(), contract.version(), statusName(contract), contract.sunset(),
				catalogue.schemaOf(contract), contract.example());
	}

	static String statusName(EventContract contract) {
		return contract.status().name().toLowerCase(Locale.ROOT);
	}

	record CatalogueResponse(List<TypeSummary> types) {
	}

	record TypeSummary(String type, List<VersionSummary> versions) {
	}

	record VersionSummary(int version, @Schema(allowableValues = {
			"current", "deprecated" }) String status,
			@Schema(description = "The last day a deprecated version is served; null while current") LocalDate sunset,
			@Schema(description = "Where this version's JSON Schema is served",
					example = "/schemas/order.created/versions/1") String schema){

		static VersionSummary of(EventContract contract) {
			return new VersionSummary(contract.version(), CatalogueController.statusName(contract), contract.sunset(),
					"/schemas/" + contract.type() + "/versions/" + contract.version());
		}

	}

	record VersionDetail(String type, int version, @Schema(allowableValues = {
			"current", "deprecated" }) String status,
			@Schema(description = "The last day a deprecated version is served; null while current") LocalDate sunset,
			@Schema(description = "The payload's JSON Schema, draft 2020-12") Map<String, Object> schema,
			@Schema(description = "An example payload") Object example){
	}

}
