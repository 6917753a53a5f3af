package dev.eventplatform.bench;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One closed-loop virtual client: it sends its next command only when the previous one
 * has answered, until its level's window closes or the level's command budget is spent.
 */
final class OrderWorkload implements Callable<Tally> {

	private final OrderApi api;

	private final BenchOptions.Mix mix;

	private final String customerId;

	private final MeasurementWindow window;

	private final ErrorSamples errors;

	private final Tally tally = new Tally();

	OrderWorkload(OrderApi api, BenchOptions.Mix mix, String customerId, MeasurementWindow window,
			ErrorSamples errors) {
		this.api = api;
		this.mix = mix;
		this.customerId = customerId;
		this.window = window;
		this.errors = errors;
	}

	@Override
	public Tally call() throws InterruptedException {
		while (window.tryStartCommand()) {
			OrderApi.Command create = api.createOrder(customerId);
			Optional<String> created = send(create);
			if (mix == BenchOptions.Mix.LIFECYCLE && created.isPresent()) {
				Optional<String> orderId = OrderApi.orderId(created.get());
				if (orderId.isPresent()) {
					fulfil(orderId.get());
				}
				else {
					errors.note(create.name(), "2xx without a usable orderId", created.get());
				}
			}
		}
		return tally;
	}

	private void fulfil(String orderId) throws InterruptedException {
		for (OrderApi.Command command : api.fulfil(orderId)) {
			// After a failed step the order is stuck: later steps would fail too, so
			// start a new order.
			if (!window.tryStartCommand() || send(command).isEmpty()) {
				return;
			}
		}
	}

	/**
	 * Sends one command and records it if measured; returns the body of a 2xx response.
	 */
	private Optional<String> send(OrderApi.Command command) throws InterruptedException {
		long start = System.nanoTime();
		boolean measured = window.measures(start);
		try {
			OrderApi.Response response = api.send(command);
			long latencyNanos = System.nanoTime() - start;
			if (response.status() / 100 == 2) {
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

	// The HTTP client often throws without any message (a refused connection is a bare
	// ConnectException
	// caused by a bare ClosedChannelException): then the chain of exception types is the
	// best clue.
	private static String describe(Throwable failure) {
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
