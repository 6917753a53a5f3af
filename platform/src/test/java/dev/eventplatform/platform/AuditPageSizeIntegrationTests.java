package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page stops at the byte budget (1 MiB by default) as well as at the limit, and its
 * cursor goes on from there.
 */
@PlatformIntegrationTest
class AuditPageSizeIntegrationTests {

	private static final int MAX_PAGE_BYTES = 1024 * 1024;

	/** Each about 10 KB in the log, so together they need more than one page. */
	private static final int LARGE_ORDERS = 110;

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper jsonMapper;

	OrderApi api;

	/** Pages can be far larger than the 64 KB the test client buffers by default. */
	OrderApi auditReader;

	@BeforeEach
	void setUp() {
		api = new OrderApi(client);
		auditReader = new OrderApi(
				client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(2 * MAX_PAGE_BYTES)).build());
	}

	@Test
	void aPageOfLargeEventsIsCutAtTheByteBudgetAndTheCursorContinuesAfterIt() {
		var pagesBefore = readToTheEnd(null);
		var start = pagesBefore.get(pagesBefore.size() - 1).next();
		var lines = IntStream.range(0, 100)
			.mapToObj(i -> Map.of("sku", "%064d".formatted(i), "quantity", 1, "unitPrice", 1))
			.toList();
		var created = IntStream.range(0, LARGE_ORDERS)
			.mapToObj(i -> api.created(Map.of("customerId", "large-" + i, "currency", "EUR", "lines", lines)))
			.toList();

		var pages = await().atMost(Duration.ofSeconds(15))
			.until(() -> readToTheEnd(start),
					read -> read.stream().mapToInt(page -> page.subjects().size()).sum() >= LARGE_ORDERS);
		assertThat(pages).hasSizeGreaterThan(1)
			.allSatisfy(page -> assertThat(page.bytes()).isLessThanOrEqualTo(MAX_PAGE_BYTES));
		assertThat(pages.stream().flatMap(page -> page.subjects().stream())).containsExactlyElementsOf(created);
	}

	/** Follows the cursor until the log has nothing more. */
	private List<Page> readToTheEnd(String after) {
		var pages = new ArrayList<Page>();
		var cursor = after;
		do {
			pages.add(page(cursor));
			cursor = pages.get(pages.size() - 1).next();
		}
		while (pages.get(pages.size() - 1).hasMore());
		return pages;
	}

	private Page page(String after) {
		var body = auditReader
			.get("/audit/events?limit=1000&type=order.created" + (after == null ? "" : "&after=" + after),
					TestApiKeys.AUDIT)
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		var page = jsonMapper.readValue(body, Map.class);
		@SuppressWarnings("unchecked")
		var events = (List<Map<String, Object>>) page.get("events");
		return new Page(events.stream().map(event -> (String) event.get("subject")).toList(), (String) page.get("next"),
				(Boolean) page.get("hasMore"), body.length);
	}

	private record Page(List<String> subjects, String next, boolean hasMore, int bytes) {
	}

}
