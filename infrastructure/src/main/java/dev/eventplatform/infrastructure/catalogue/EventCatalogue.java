package dev.eventplatform.infrastructure.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import dev.eventplatform.events.EventContract;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import dev.eventplatform.events.ContractStatus;
import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every published event type and version, with the JSON Schema generated from its record.
 * Schemas are generated once at start-up: the catalogue is fixed by the code.
 */
public class EventCatalogue {

	private static final ObjectMapper SCHEMA_MAPPER = new ObjectMapper();

	private final List<EventContract> contracts;

	private final Map<EventContract, Map<String, Object>> schemas;

	public EventCatalogue(List<EventContract> contracts) {
		this.contracts = contracts.stream()
			.sorted(Comparator.comparing(EventContract::type).thenComparingInt(EventContract::version))
			.toList();
		var generator = schemaGenerator();
		this.schemas = this.contracts.stream()
			.collect(Collectors.toUnmodifiableMap(Function.identity(), contract -> toMap(generator, contract)));
	}

	/**
	 * Every record component is required and non-null: our payloads are flat and
	 * complete, and consumers may rely on each field being present.
	 */
	private static SchemaGenerator schemaGenerator() {
		var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
			.with(new JacksonModule());
		config.forFields().withRequiredCheck(field -> true).withNullableCheck(field -> false);
		return new SchemaGenerator(config.build());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> toMap(SchemaGenerator generator, EventContract contract) {
		var schema = generator.generateSchema(contract.payloadType());
		schema.put("title", contract.type() + " v" + contract.version());
		return SCHEMA_MAPPER.convertValue(schema, Map.class);
	}

	public List<EventContract> contracts() {
		return contracts;
	}

	public Optional<EventContract> find(String type, int version) {
		return contracts.stream().filter(c -> c.type().equals(type) && c.version() == version).findFirst();
	}

	/**
	 * Checks that {@code version} is the current version of every one of {@code types}:
	 * events are published in their current version only (no converter serves an older
	 * one yet), so a subscriber that pins a version gets exactly that version.
	 * @throws CodedException {@code UNSUPPORTED_EVENT_VERSION} otherwise
	 */
	public void requireCurrent(Collection<String> types, int version) {
		for (var type : types) {
			var current = versionsOf(type).stream().filter(c -> c.status() == ContractStatus.CURRENT).toList();
			if (current.stream().noneMatch(c -> c.version() == version)) {
				throw new CodedException(PlatformErrorCode.UNSUPPORTED_EVENT_VERSION,
						"'" + type + "' is published at version "
								+ current.stream().map(c -> Integer.toString(c.version())).toList()
								+ " only; GET /schemas lists the versions.");
			}
		}
	}

	public List<EventContract> versionsOf(String type) {
		return contracts.stream().filter(c -> c.type().equals(type)).toList();
	}

	/** Names of the stored payload classes that carry {@code type}, in any version. */
	public Set<String> payloadClassNames(String type) {
		return versionsOf(type).stream().map(c -> c.payloadType().getName()).collect(Collectors.toSet());
	}

	/**
	 * The type names a filter entry stands for: one type ({@code order.created}), every
	 * type of a resource ({@code order.*}) or every type ({@code *}); empty when it names
	 * nothing known.
	 */
	public Set<String> typesMatching(String filter) {
		var prefix = filter.equals("*") ? "" : filter.endsWith(".*") ? filter.substring(0, filter.length() - 1) : null;
		return contracts.stream()
			.map(EventContract::type)
			.filter(type -> prefix == null ? type.equals(filter) : type.startsWith(prefix))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	public Map<String, Object> schemaOf(EventContract contract) {
		return schemas.get(contract);
	}

}
