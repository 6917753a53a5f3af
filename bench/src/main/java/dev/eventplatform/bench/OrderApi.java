package dev.eventplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and sends the platform's order commands; one instance is shared by every client of a run. */
final class OrderApi {

	/** One HTTP request that is one command; the name labels errors. */
	record Command(String name, HttpRequest request) {}

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
	// A stalled server must fail a command instead of holding a client far past the end of its level.
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
	// Only URL-path-safe ids: the id goes into the next command's path.
	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([A-Za-z0-9._~-]+)\"");

	private static final String CREATE_BODY_FORMAT =
			"{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":12.50}]}";
	// Pays exactly the total of the order created above, so the aggregate accepts the payment.
	private static final String PAYMENT_BODY = "{\"amount\":25.00,\"currency\":\"EUR\"}";
	private static final String SHIPMENT_BODY = "{\"carrier\":\"DHL\",\"trackingNumber\":\"TRK123\"}";
	private static final String DELIVERY_BODY = "{}";

	private final HttpClient http;
	private final String ordersUrl;
	private final String authorization;

	OrderApi(URI baseUrl, String key) {
		this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(CONNECT_TIMEOUT)
				.build();
		this.ordersUrl = baseUrl + "/orders";
		this.authorization = "Bearer " + key;
	}

	Command createOrder(String customerId) {
		return command("create", ordersUrl, String.format(CREATE_BODY_FORMAT, customerId));
	}

	/** The commands that take a created order to delivered, in the order the aggregate accepts them. */
	List<Command> fulfil(String orderId) {
		String orderUrl = ordersUrl + "/" + orderId;
		return List.of(
				command("pay", orderUrl + "/payments", PAYMENT_BODY),
				command("ship", orderUrl + "/shipment", SHIPMENT_BODY),
				command("deliver", orderUrl + "/delivery", DELIVERY_BODY));
	}

	HttpResponse<String> send(Command command) throws IOException, InterruptedException {
		return http.send(command.request(), HttpResponse.BodyHandlers.ofString());
	}

	static Optional<String> orderId(String responseBody) {
		Matcher matcher = ORDER_ID.matcher(responseBody);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private Command command(String name, String url, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(REQUEST_TIMEOUT)
				.header("Authorization", authorization)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build();
		return new Command(name, request);
	}
}
