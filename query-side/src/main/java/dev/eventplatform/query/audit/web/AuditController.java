package dev.eventplatform.query.audit.web;

import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_CURSOR;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.INVALID_PARAMETER;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.MALFORMED_REQUEST;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.NOT_FOUND;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.UNKNOWN_EVENT_TYPE_FILTER;
import static dev.eventplatform.infrastructure.openapi.ApiProblem.VALIDATION_FAILED;

import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.openapi.ApiContract;
import dev.eventplatform.infrastructure.security.Role;
import dev.eventplatform.infrastructure.web.Problems;
import dev.eventplatform.query.audit.AuditCursor;
import dev.eventplatform.query.audit.AuditLog;
import dev.eventplatform.query.audit.AuditPage;
import dev.eventplatform.query.audit.AuditQuery;
import dev.eventplatform.query.audit.AuditedEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The auditors' view of the event log. */
@RestController
@RequestMapping("/audit")
@Tag(name = "Audit log", description = """
		The event log, read straight from the event store: every event in its published envelope, with its \
		log `position` and the `principal` (API key name) that caused it.""")
@ApiContract(roles = Role.AUDIT)
class AuditController {

	private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

	private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

	private final AuditLog auditLog;

	private final EventCatalogue catalogue;

	AuditController(AuditLog auditLog, EventCatalogue catalogue) {
		this.auditLog = auditLog;
		this.catalogue = catalogue;
	}

	@GetMapping("/events")
	@Operation(operationId = "listAuditEvents", summary = "Page through the event log, oldest first", description = """
			Keyset paging: send `next` back as `after`, with the same filters, until `hasMore` is false. A page \
			can hold fewer than `limit` events (it also ends at a size budget), so only `hasMore` says the \
			log is exhausted. New events show up once every earlier transaction has committed.""")
	@ApiContract(problems = { INVALID_CURSOR, UNKNOWN_EVENT_TYPE_FILTER, INVALID_PARAMETER, MALFORMED_REQUEST,
			VALIDATION_FAILED })
	Mono<AuditPage> events(
			@Parameter(
					description = "The `next` value of the previous page; absent: the start of the log") @RequestParam(
							required = false) String after,
			@Parameter(description = "Only this subject's events") @RequestParam(required = false) String subject,
			@Parameter(description = "Only these event types, in any version; repeat for several") @RequestParam(
					name = "type", required = false) List<String> types,
			@Parameter(description = "Only events at or after this instant, years 0000 to 9999") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "Only events before this instant, years 0000 to 9999") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = "The most events a page holds") @RequestParam(
					defaultValue = "100") @Min(1) @Max(1000) int limit) {
		var query = new AuditQuery(cursor(after), subject, payloadTypes(types), fourDigitYear("from", from),
				fourDigitYear("to", to), limit);
		return auditLog.page(query);
	}

	@GetMapping("/subjects/{subject}/events")
	@Operation(operationId = "getSubjectHistory", summary = "Every event of one subject, oldest first",
			description = "Not paged.")
	@ApiContract(problems = NOT_FOUND)
	Mono<SubjectHistory> history(@PathVariable String subject) {
		return auditLog.history(subject).map(events -> {
			if (events.isEmpty()) {
				throw Problems.exception(PlatformErrorCode.NOT_FOUND, "No events exist for subject '" + subject + "'.");
			}
			return new SubjectHistory(subject, events);
		});
	}

	private static AuditCursor cursor(String after) {
		if (after == null || after.isBlank()) {
			return AuditCursor.START;
		}
		try {
			return AuditCursor.decode(after);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.exception(PlatformErrorCode.INVALID_CURSOR, ex.getMessage());
		}
	}

	/**
	 * The store keeps timestamps as ISO-8601 text and the filter compares that text,
	 * which orders like time only while the year has four digits: {@code +10000-01-01}
	 * would sort before 2026.
	 */
	private static Instant fourDigitYear(String parameter, Instant instant) {
		if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST))) {
			throw Problems.exception(PlatformErrorCode.INVALID_PARAMETER,
					"'" + parameter + "' must be an instant in the years 0000 to 9999, such as 2026-11-01T00:00:00Z.");
		}
		return instant;
	}

	private Set<String> payloadTypes(List<String> types) {
		var payloadTypes = new HashSet<String>();
		for (var type : types == null ? List.<String>of() : types) {
			var classes = catalogue.payloadClassNames(type);
			if (classes.isEmpty()) {
				throw Problems.exception(PlatformErrorCode.UNKNOWN_EVENT_TYPE,
						"'" + type + "' is not in the event catalogue (GET /schemas).");
			}
			payloadTypes.addAll(classes);
		}
		return payloadTypes;
	}

	/** Every event of one subject, oldest first. */
	record SubjectHistory(String subject, List<AuditedEvent> events) {
	}

}
