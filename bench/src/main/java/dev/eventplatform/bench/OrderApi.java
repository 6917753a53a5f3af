package dev.eventplatform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds and sends the platform's order commands; one instance is shared by every client
 * of a run. It uses the JDK's {@link HttpURLConnection} (keep-alive, synchronous): the
 * load generator shares the machine's two cores with the platform and PostgreSQL, and
 * this client costs about a third of the CPU per request that
 * {@code java.net.http.HttpClient} does, leaving it to the server.
 */
final class OrderApi {

	/** One HTTP request that is one command; the name labels errors. */
	record Command(String name, URL url, byte[] body) {
	}

	/** Status and body of an answered command. */
	record Response(int status, String body) {
	}

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	// A stalled server must fail a command instead of holding a client far past the end
	// of its level.
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	// Only URL-path-safe ids: the id goes into the next command's path.
	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([A-Za-z0-9._~-]+)\"");

	private static final String CREATE_BODY_FORMAT = "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":12.50}]}";

	// Pays exactly the total of the order created above, so the aggregate accepts the
	// payment.
	private static final String PAYMENT_BODY = "{\"amount\":25.00,\"currency\":\"EUR\"}";

	private static final String SHIPMENT_BODY = "{\"carrier\":\"DHL\",\"trackingNumber\":\"TRK123\"}";

	private static final String DELIVERY_BODY = "{}";

	private final String ordersUrl;

	private final String authorization;

	OrderApi(URI baseUrl, String key) {
		this.ordersUrl = baseUrl + "/orders";
		this.authorization = "Bearer " + key;
	}

	Command createOrder(String customerId) {
		return command("create", ordersUrl, String.format(CREATE_BODY_FORMAT, customerId));
	}

	/**
	 * The commands that take a created order to delivered, in the order the aggregate
	 * accepts them.
	 */
	List<Command> fulfil(String orderId) {
		String orderUrl = ordersUrl + "/" + orderId;
		return List.of(command("pay", orderUrl + "/payments", PAYMENT_BODY),
				command("ship", orderUrl + "/shipment", SHIPMENT_BODY),
				command("deliver", orderUrl + "/delivery", DELIVERY_BODY));
	}

	Response send(Command command) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) command.url().openConnection();
		connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
		connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setFixedLengthStreamingMode(command.body().length);
		connection.setRequestProperty("Authorization", authorization);
		connection.setRequestProperty("Content-Type", "application/json");
		try (OutputStream out = connection.getOutputStream()) {
			out.write(command.body());
		}
		int status = connection.getResponseCode();
		// Reading each body to its end returns the connection to the keep-alive cache.
		try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
			return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	static Optional<String> orderId(String responseBody) {
		Matcher matcher = ORDER_ID.matcher(responseBody);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private Command command(String name, String url, String json) {
		try {
			return new Command(name, URI.create(url).toURL(), json.getBytes(StandardCharsets.UTF_8));
		}
		catch (MalformedURLException e) {
			// The base URL was validated as an http(s) URL when the options were parsed.
			throw new IllegalArgumentException("Not a URL: " + url, e);
		}
	}

}
