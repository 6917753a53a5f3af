package dev.eventplatform.bench;

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

	private final CommandSender sender;

	OrderWorkload(OrderApi api, BenchOptions.Mix mix, String customerId, MeasurementWindow window,
			ErrorSamples errors) {
		this.api = api;
		this.mix = mix;
		this.customerId = customerId;
		this.window = window;
		this.sender = new CommandSender(api, window, errors);
	}

	@Override
	public Tally call() {
		while (window.tryStartCommand()) {
			OrderApi.Command create = api.createOrder(customerId);
			Optional<String> created = sender.send(create);
			if (mix == BenchOptions.Mix.LIFECYCLE && created.isPresent()) {
				Optional<String> orderId = OrderApi.orderId(created.get());
				if (orderId.isPresent()) {
					fulfil(orderId.get());
				}
				else {
					sender.noteUnusable(create, created.get());
				}
			}
		}
		return sender.tally();
	}

	private void fulfil(String orderId) {
		for (OrderApi.Command command : api.fulfil(orderId)) {
			// After a failed step the order is stuck: later steps would fail too, so
			// start a new order.
			if (!window.tryStartCommand() || sender.send(command).isEmpty()) {
				return;
			}
		}
	}

}
