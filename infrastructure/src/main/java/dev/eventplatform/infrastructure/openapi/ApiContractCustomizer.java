package dev.eventplatform.infrastructure.openapi;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes each operation from its {@link ApiContract}: the roles as security
 * requirements, the problem responses grouped by status, and the version headers.
 */
class ApiContractCustomizer implements OperationCustomizer {

	/** What every authenticated operation can answer, whatever it does. */
	private static final List<ApiProblem> EVERY_OPERATION = List.of(ApiProblem.REQUEST_REJECTED,
			ApiProblem.DUPLICATE_HEADER, ApiProblem.UNAUTHENTICATED, ApiProblem.INTERNAL_ERROR,
			ApiProblem.STORE_UNAVAILABLE);

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		var contracts = Stream
			.of(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ApiContract.class),
					handler.getMethodAnnotation(ApiContract.class))
			.filter(Objects::nonNull)
			.toList();
		if (contracts.isEmpty()) {
			return operation;
		}
		var roles = contracts.stream().flatMap(c -> Arrays.stream(c.roles())).map(Enum::name).distinct().toList();
		secure(operation, roles);
		describeHeaders(operation, contracts.stream().anyMatch(ApiContract::ifMatch),
				contracts.stream().anyMatch(ApiContract::etag));
		if (contracts.stream().anyMatch(ApiContract::readModelPosition)) {
			addSuccessHeader(operation, OpenApiConfiguration.READ_MODEL_POSITION);
		}
		var problems = EnumSet.copyOf(EVERY_OPERATION);
		if (!roles.isEmpty()) {
			problems.add(ApiProblem.FORBIDDEN);
		}
		contracts.forEach(c -> problems.addAll(List.of(c.problems())));
		addProblems(operation.getResponses(), problems);
		return operation;
	}

	/**
	 * One requirement per role, as alternatives: OpenAPI 3.1 lets a non-OAuth scheme's
	 * requirement list the roles it needs. The description says it in words for readers
	 * of Swagger UI.
	 */
	private static void secure(Operation operation, List<String> roles) {
		var scheme = OpenApiConfiguration.API_KEY_SCHEME;
		if (roles.isEmpty()) {
			operation.addSecurityItem(new SecurityRequirement().addList(scheme));
		}
		roles.forEach(role -> operation.addSecurityItem(new SecurityRequirement().addList(scheme, role)));
		var needs = roles.isEmpty() ? "Needs any valid API key."
				: roles.stream()
					.map(role -> "`" + role + "`")
					.collect(Collectors.joining(" or ", "Needs an API key with role ", "."));
		var description = operation.getDescription();
		operation.setDescription(description == null ? needs : description + "\n\n" + needs);
	}

	/**
	 * Shared definitions instead of one per operation, so every command describes them
	 * alike.
	 */
	private static void describeHeaders(Operation operation, boolean ifMatch, boolean etag) {
		if (operation.getParameters() != null) {
			operation.getParameters()
				.replaceAll(parameter -> OpenApiConfiguration.IDEMPOTENCY_KEY.equals(parameter.getName())
						? new Parameter().$ref(OpenApiConfiguration.IDEMPOTENCY_KEY) : parameter);
		}
		if (ifMatch) {
			operation.addParametersItem(new Parameter().$ref(HttpHeaders.IF_MATCH));
		}
		if (etag) {
			addSuccessHeader(operation, HttpHeaders.ETAG);
		}
	}

	/** Refers each successful response to a shared header definition. */
	private static void addSuccessHeader(Operation operation, String header) {
		operation.getResponses()
			.entrySet()
			.stream()
			.filter(response -> response.getKey().startsWith("2"))
			.forEach(response -> response.getValue().addHeaderObject(header, new Header().$ref(header)));
	}

	/**
	 * One response per status, its description listing the codes, and its schema the
	 * shared Problem narrowed to those codes so that tools can read them too.
	 */
	private static void addProblems(ApiResponses responses, EnumSet<ApiProblem> problems) {
		var byStatus = problems.stream()
			.collect(Collectors.groupingBy(problem -> problem.status().value(), TreeMap::new, Collectors.toList()));
		byStatus.forEach((status, ofStatus) -> {
			var codes = ofStatus.stream().<Object>map(ApiProblem::code).toList();
			var description = ofStatus.stream()
				.map(problem -> "- `" + problem.code() + "`: " + problem.when())
				.collect(Collectors.joining("\n", ofStatus.get(0).status().getReasonPhrase() + ":\n\n", ""));
			var schema = new Schema<>().allOf(List.of(new Schema<>().$ref(OpenApiConfiguration.PROBLEM),
					new Schema<>().addProperty("code", OpenApiConfiguration.string()._enum(codes))));
			responses.addApiResponse(String.valueOf(status), new ApiResponse().description(description)
				.content(new Content().addMediaType(APPLICATION_PROBLEM_JSON_VALUE, new MediaType().schema(schema))));
		});
	}

}
