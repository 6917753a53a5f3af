package dev.eventplatform.infrastructure.openapi;

import dev.eventplatform.events.EventEnvelope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The parts of the description shared by every operation: the API key scheme, the Problem
 * schema, the version and idempotency headers, and the link from event payloads to the
 * event catalogue. Operations are completed by {@link ApiContractCustomizer}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	static final String API_KEY_SCHEME = "apiKey";

	static final String PROBLEM = "Problem";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final String DESCRIPTION = """
			An event-sourced order service: every accepted command becomes one versioned domain event, and \
			everything else is read from those events.

			Send an API key as `Authorization: Bearer <key>`; each operation names the roles it accepts. \
			Every error is an RFC 9457 `application/problem+json` body with a stable `code`, and each \
			operation lists the codes it can answer, by status.

			Request bodies are strict JSON: a member named twice is refused (`MALFORMED_REQUEST`). Members \
			the API does not know are ignored, so that clients keep working when the API adds one.

			Event payloads (the `data` of every event) are described by the event catalogue, not here: \
			`GET /schemas` lists every type and version, and `GET /schemas/{type}/versions/{n}` serves its \
			JSON Schema.""";

	/**
	 * Title, version and the definitions that operations refer to, added to what
	 * springdoc generated.
	 */
	@Bean
	OpenApiCustomizer sharedDefinitions(ObjectProvider<BuildProperties> build) {
		var version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
		return openApi -> openApi.info(new Info().title("event-platform API").version(version).description(DESCRIPTION))
			.components(Objects.requireNonNullElseGet(openApi.getComponents(), Components::new)
				.addSecuritySchemes(API_KEY_SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("API key")
							.description("An API key of the deployment, as `Authorization: Bearer <key>`."))
				.addSchemas(PROBLEM, problemSchema())
				.addParameters(IDEMPOTENCY_KEY,
						new Parameter().in("header")
							.name(IDEMPOTENCY_KEY)
							.description("""
									Makes a retry safe: a request that repeats the method, path, body and key of one \
									that succeeded gets the first response, and appends no event. 1 to 255 visible \
									ASCII characters without a comma, scoped to the API key's name, kept 24 hours by \
									default. The same key for a different request is `IDEMPOTENCY_KEY_REUSED`.""")
							.schema(string().minLength(1).maxLength(255).pattern("^[\\x21-\\x2B\\x2D-\\x7E]+$")))
				.addParameters(HttpHeaders.IF_MATCH,
						new Parameter().in("header")
							.name(HttpHeaders.IF_MATCH)
							.description("""
									Applies the command only if the order is still at this version: its `ETag`, one \
									strong quoted version such as `"3"`. Absent or `*`: any version. Anything else is \
									`INVALID_IF_MATCH`. On create it is checked but has no effect.""")
							.schema(string().pattern("^(\\*|\"[0-9]{1,19}\")$")))
				.addHeaders(HttpHeaders.ETAG, new Header().description("""
						The order's version, quoted (`"3"`): the sequence number of its latest event. Send it \
						as `If-Match` to act on this version only.""").schema(string()))
				.addHeaders(READ_MODEL_POSITION, new Header().description(
						"""
								The event-log position the read model reflects: every event up to it is in the answer 						(-1 before the first). While a reset rebuilds the model, reads keep answering from the 						previous tables and this stays at the position the rebuild started from.""")
					.schema(new IntegerSchema().format("int64"))));
	}

	/** The response header naming a read model's position. */
	public static final String READ_MODEL_POSITION = "Read-Model-Position";

	@Bean
	ApiContractCustomizer apiContractCustomizer() {
		return new ApiContractCustomizer();
	}

	@Bean
	NotEmptyConstraints notEmptyConstraints() {
		return new NotEmptyConstraints();
	}

	/**
	 * The payload of an envelope points to the catalogue, which holds its schema per type
	 * and version.
	 */
	@Bean
	PropertyCustomizer eventDataSchemas() {
		return (schema, type) -> {
			if ("data".equals(type.getPropertyName()) && type.getParent() != null
					&& EventEnvelope.class.getSimpleName().equals(type.getParent().getName())) {
				schema.description("""
						The event's payload. Its JSON Schema is in the event catalogue, per `eventType` and \
						`version`: `GET /schemas/{eventType}/versions/{version}`.""")
					.externalDocs(new ExternalDocumentation().url("/schemas")
						.description("The event catalogue: every type and version, each linking to its JSON Schema"));
			}
			return schema;
		};
	}

	private static Schema<Object> problemSchema() {
		return new Schema<>().types(Set.of("object"))
			.description("An RFC 9457 problem with a stable `code`; docs/api/errors.md lists every code.")
			.required(List.of("type", "title", "status", "code"))
			.addProperty("type", string().format("uri").description("`urn:problem-type:eventplatform:` and the code"))
			.addProperty("title", string().description("Short summary of the code"))
			.addProperty("status", new Schema<>().types(Set.of("integer")).description("The HTTP status, repeated"))
			.addProperty("detail", string().description("This occurrence, for humans; do not parse it"))
			.addProperty("instance", string().format("uri-reference").description("The request path"))
			.addProperty("code", string().description("Stable and machine-readable: branch on this"))
			.addProperty("field", string().description(
					"Only for `MALFORMED_REQUEST`: the body field that could not be read, such as `lines[0].quantity`"))
			.addProperty("errors",
					new Schema<>().types(Set.of("array"))
						.description("Only for `VALIDATION_FAILED`: one entry per broken rule")
						.items(new Schema<>().types(Set.of("object"))
							.required(List.of("field", "message"))
							.addProperty("field", string())
							.addProperty("message", string())));
	}

	static Schema<Object> string() {
		return new Schema<>().types(Set.of("string"));
	}

}
