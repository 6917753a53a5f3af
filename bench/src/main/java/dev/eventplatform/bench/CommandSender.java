package dev.eventplatform.bench;

import java.io.IOException;
import java.util.Optional;

/**
 * Sends one client's commands and records each one that starts inside the measured window
 * in the client's own {@link Tally}; failures also go to the run's {@link ErrorSamples}.
 * Confined to one thread.
 */
final class CommandSender {

	private final OrderApi api;

	private final MeasurementWindow window;

	private final ErrorSamples errors;

	private final Tally tally = new Tally();

	CommandSender(OrderApi api, MeasurementWindow window, ErrorSamples errors) {
		this.api = api;
		this.window = window;
		this.errors = errors;
	}

	/**
	 * Sends one command and records it if measured; returns the body of a 2xx response.
	 */
	Optional<String> send(OrderApi.Command command) {
		long start = System.nanoTime();
		boolean measured = window.measures(start);
		try {
			Http.Response response = api.send(command);
			long latencyNanos = System.nanoTime() - start;
			if (response.isSuccess()) {
				if (measured) {
					tally.recordOk(latencyNanos);
				}
				return Optional.of(response.body());
			}
			if (measured) {
				tally.recordNon2xx();
			}
			errors.note(command.name(), "HTTP " + response.status(), response.body());
		}
		catch (IOException e) {
			if (measured) {
				tally.recordException();
			}
			errors.note(command.name(), e.getClass().getSimpleName(), describe(e));
		}
		return Optional.empty();
	}

	/** Notes a 2xx answer that lacks what the client needs from it. */
	void noteUnusable(OrderApi.Command command, String body) {
		errors.note(command.name(), "2xx without a usable orderId", body);
	}

	Tally tally() {
		return tally;
	}

	// The HTTP client often throws without any message (a refused connection is a bare
	// ConnectException caused by a bare ClosedChannelException): then the chain of
	// exception types is the best clue.
	static String describe(Throwable failure) {
		StringBuilder chain = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t.getMessage() != null) {
				return t.getMessage();
			}
			chain.append(chain.length() == 0 ? "" : " caused by ").append(t.getClass().getSimpleName());
		}
		return "no message: " + chain;
	}

}
