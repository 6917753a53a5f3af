package dev.eventplatform.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

	private static final String ENVELOPE = """
			{"eventId":"e-1","eventType":"order.created","version":1,"timestamp":"2026-11-27T21:00:00Z",
			"source":"event-platform","subject":"%s","sequence":0,"data":{}}""";

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void aHealthyReceiverAnswers200AndCountsARepeatedWebhookIdAsADuplicate() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.healthy("healthy-1", InetAddress.getLoopbackAddress())) {
			long before = System.nanoTime();

			assertEquals(200, post(receiver, "msg_1", "order-1", Duration.ofSeconds(5)));
			assertEquals(200, post(receiver, "msg_1", "order-1", Duration.ofSeconds(5)));
			assertEquals(200, post(receiver, "msg_2", "order-2", Duration.ofSeconds(5)));

			assertEquals(3, receiver.requests());
			assertEquals(1, receiver.duplicates());
			assertEquals(2, receiver.distinct());
			assertTrue(receiver.receivedSubject("order-1"));
			assertFalse(receiver.receivedSubject("order-3"));
			assertEquals(2, receiver.receipts().size());
			assertEquals("order-1", receiver.receipts().get(0).subject());
			assertTrue(receiver.receipts().get(0).atNanos() - before > 0);
		}
	}

	@Test
	void aHungReceiverReadsTheRequestAndNeverAnswers() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.hung("hung", InetAddress.getLoopbackAddress())) {
			assertThrows(HttpTimeoutException.class, () -> post(receiver, "msg_1", "order-1", Duration.ofMillis(300)));

			// On a busy machine the handler may read the request after the client gave
			// up.
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests() > 0);
			assertEquals(1, receiver.requests());
			assertEquals(0, receiver.distinct());
			assertTrue(receiver.hangs());
		}
	}

	private int post(WebhookReceiver receiver, String webhookId, String subject, Duration timeout)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url("127.0.0.1")))
			.timeout(timeout)
			.header("webhook-id", webhookId)
			.POST(HttpRequest.BodyPublishers.ofString(ENVELOPE.formatted(subject)))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
