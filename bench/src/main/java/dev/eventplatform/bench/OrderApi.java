package dev.eventplatform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds and sends the platform's order commands; one instance is shared by every client
 * of a run. Requests go through {@link Http}.
 */
final class OrderApi {

	/** One HTTP request that is one command; the name labels errors. */
	record Command(String name, URL url, byte[] body) {
	}

	// Only URL-path-safe ids: the id goes into the next command's path.
	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([A-Za-z0-9._~-]+)\"");

	private static final String CREATE_BODY_FORMAT = "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":12.50}]}";

	// Pays exactly the total of the order created above, so the aggregate accepts the
	// payment.
	private static final String PAYMENT_BODY = "{\"amount\":25.00,\"currency\":\"EUR\"}";

	private static final String SHIPMENT_BODY = "{\"carrier\":\"DHL\",\"trackingNumber\":\"TRK123\"}";

	private static final String DELIVERY_BODY = "{}";

	private final String ordersUrl;

	private final String key;

	OrderApi(URI baseUrl, String key) {
		this.ordersUrl = baseUrl + "/orders";
		this.key = key;
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

	Http.Response send(Command command) throws IOException {
		return Http.exchange("POST", command.url(), key, command.body());
	}

	static Optional<String> orderId(String responseBody) {
		Matcher matcher = ORDER_ID.matcher(responseBody);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private Command command(String name, String url, String json) {
		return new Command(name, Http.url(url), json.getBytes(StandardCharsets.UTF_8));
	}

}
