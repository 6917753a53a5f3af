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

/**
 * One synchronous request to the platform with the JDK's {@link HttpURLConnection}
 * (keep-alive): the load generator shares the machine's two cores with the platform and
 * PostgreSQL, and this client costs about a third of the CPU per request that
 * {@code java.net.http.HttpClient} does, leaving it to the server.
 */
final class Http {

	/** Status and body of an answered request. */
	record Response(int status, String body) {

		boolean isSuccess() {
			return status / 100 == 2;
		}

	}

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	// A stalled server must fail a request instead of holding a client far past the end
	// of its run.
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private Http() {
	}

	/**
	 * Sends one request with a bearer key and, when {@code body} is not null, a JSON
	 * body.
	 */
	static Response exchange(String method, URL url, String key, byte[] body) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) url.openConnection();
		connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
		connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
		connection.setRequestMethod(method);
		connection.setRequestProperty("Authorization", "Bearer " + key);
		if (body != null) {
			connection.setDoOutput(true);
			connection.setFixedLengthStreamingMode(body.length);
			connection.setRequestProperty("Content-Type", "application/json");
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
		}
		int status = connection.getResponseCode();
		// Reading each body to its end returns the connection to the keep-alive cache.
		try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
			return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	static URL url(String url) {
		try {
			return URI.create(url).toURL();
		}
		catch (MalformedURLException | IllegalArgumentException e) {
			// Base URLs were validated as http(s) URLs when the options were parsed.
			throw new IllegalArgumentException("Not a URL: " + url, e);
		}
	}

}
