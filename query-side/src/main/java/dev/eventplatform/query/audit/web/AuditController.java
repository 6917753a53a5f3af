package dev.eventplatform.query.audit.web;

import dev.eventplatform.infrastructure.catalogue.EventCatalogue;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import dev.eventplatform.query.audit.AuditCursor;
import dev.eventplatform.query.audit.AuditLog;
import dev.eventplatform.query.audit.AuditedEvent;
import dev.eventplatform.query.audit.AuditPage;
import dev.eventplatform.query.audit.AuditQuery;
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
	Mono<AuditPage> events(@RequestParam(required = false) String after,
			@RequestParam(required = false) String subject, @RequestParam(name = "type", required = false) List<String> types,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		var query = new AuditQuery(cursor(after), subject, payloadTypes(types), fourDigitYear("from", from),
				fourDigitYear("to", to), limit);
		return auditLog.page(query);
	}

	@GetMapping("/subjects/{subject}/events")
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
	 * The store keeps timestamps as ISO-8601 text and the filter compares that text, which orders
	 * like time only while the year has four digits: {@code +10000-01-01} would sort before 2026.
	 */
	private static Instant fourDigitYear(String parameter, Instant instant) {
		if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST))) {
			throw Problems.exception(PlatformErrorCode.INVALID_PARAMETER, "'" + parameter + "' must be an instant in the years 0000 to 9999, such as 2026-11-01T00:00:00Z.");
		}
		return instant;
	}

	private Set<String> payloadTypes(List<String> types) {
		var payloadTypes = new HashSet<String>();
		for (var type : types == null ? List.<String>of() : types) {
			var classes = catalogue.payloadClassNames(type);
			if (classes.isEmpty()) {
				throw Problems.exception(PlatformErrorCode.UNKNOWN_EVENT_TYPE, "'" + type + "' is not in the event catalogue (GET /schemas).");
			}
			payloadTypes.addAll(classes);
		}
		return payloadTypes;
	}

	/** Every event of one subject, oldest first. */
	record SubjectHistory(String subject, List<AuditedEvent> events) {
	}

}
