package dev.eventplatform.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One webhook delivery run: start the receivers, subscribe them, drive the load, wait for
 * the outstanding deliveries, count; then delete the subscriptions and stop the
 * receivers, so that a following run starts clean.
 */
final class DeliveryRun {

	private static final long POLL_MILLIS = 200;

	private final WebhookBenchOptions options;

	private final PrintStream out;

	DeliveryRun(WebhookBenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	DeliveryRunResult run(boolean withHungEndpoint) throws IOException, InterruptedException {
		WebhookApi webhooks = new WebhookApi(options.url(), options.subscriberKey());
		List<WebhookReceiver> receivers = new ArrayList<>();
		List<String> subscriptions = new ArrayList<>();
		try {
			for (int i = 1; i <= options.receivers(); i++) {
				receivers.add(WebhookReceiver.healthy("healthy-" + i, options.receiverAddress()));
			}
			if (withHungEndpoint) {
				receivers.add(WebhookReceiver.hung("hung", options.receiverAddress()));
			}
			for (WebhookReceiver receiver : receivers) {
				subscriptions.add(webhooks.subscribe(receiver.url(options.receiverHost()), options.eventTypes()));
			}
			List<WebhookReceiver> healthy = receivers.stream().filter(r -> !r.hangs()).toList();
			return measure(healthy, withHungEndpoint ? receivers.get(receivers.size() - 1) : null);
		}
		finally {
			for (String id : subscriptions) {
				try {
					if (!webhooks.unsubscribe(id)) {
						out.println("warning: could not delete subscription " + id);
					}
				}
				catch (IOException e) {
					out.println("warning: could not delete subscription " + id + ": " + e.getMessage());
				}
			}
			receivers.forEach(WebhookReceiver::close);
		}
	}

	private DeliveryRunResult measure(List<WebhookReceiver> healthy, WebhookReceiver hung) throws InterruptedException {
		double loadBefore = systemLoad();
		long start = System.nanoTime();
		long measureFrom = start + options.warmup().toNanos();
		long end = measureFrom + options.duration().toNanos();
		MeasurementWindow window = new MeasurementWindow(measureFrom, end, Long.MAX_VALUE);
		OpenLoopDriver.Result load = new OpenLoopDriver(new OrderApi(options.url(), options.commandKey()),
				options.rate(), options.clients())
			.drive(start, window, end);

		long loadEnded = System.nanoTime();
		boolean drained = drain(healthy, load.accepted(), loadEnded + options.drain().toNanos());
		double drainSeconds = (System.nanoTime() - loadEnded) / 1e9;
		double loadAfter = systemLoad();

		Histogram all = new Histogram(3);
		List<DeliveryRunResult.Endpoint> endpoints = new ArrayList<>();
		long inWindow = 0;
		long missing = 0;
		long duplicates = 0;
		long unexpected = 0;
		for (WebhookReceiver receiver : healthy) {
			Histogram latency = new Histogram(3);
			List<WebhookReceiver.Receipt> receipts = receiver.receipts();
			for (WebhookReceiver.Receipt receipt : receipts) {
				OpenLoopDriver.Accepted accepted = load.accepted().get(receipt.subject());
				if (accepted == null) {
					// A command that failed at the harness (a timeout, say) but was
					// stored.
					unexpected++;
				}
				else if (accepted.measured()) {
					// The webhook can overtake the 201 on its way to the harness.
					latency.recordValue(Math.max(0, receipt.atNanos() - accepted.atNanos()) / 1_000);
				}
				if (receipt.atNanos() - measureFrom >= 0 && receipt.atNanos() - end < 0) {
					inWindow++;
				}
			}
			long missed = load.accepted().keySet().stream().filter(id -> !receiver.receivedSubject(id)).count();
			endpoints.add(new DeliveryRunResult.Endpoint(receiver.name(), receipts.size(), receiver.duplicates(),
					missed, latency));
			all.add(latency);
			missing += missed;
			duplicates += receiver.duplicates();
		}
		return new DeliveryRunResult(options.rate(), healthy.size(), hung != null, load.commands(),
				load.measuredSeconds(), endpoints, all, inWindow, options.duration().toNanos() / 1e9,
				load.accepted().size(), missing, duplicates, unexpected, hung == null ? 0 : hung.requests(),
				drainSeconds, drained, loadBefore, loadAfter, load.errorSamples());
	}

	/**
	 * The one-minute load average of the machine, or a negative value where there is
	 * none: other work on the machine shows in it.
	 */
	private static double systemLoad() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * Waits until every healthy receiver has every accepted order, or the deadline
	 * passes.
	 */
	private static boolean drain(List<WebhookReceiver> healthy, Map<String, OpenLoopDriver.Accepted> accepted,
			long deadlineNanos) throws InterruptedException {
		while (true) {
			// The cheap count first; the exact check only once it could pass.
			if (healthy.stream().allMatch(r -> r.distinct() >= accepted.size())
					&& healthy.stream().allMatch(r -> accepted.keySet().stream().allMatch(r::receivedSubject))) {
				return true;
			}
			if (System.nanoTime() - deadlineNanos >= 0) {
				return false;
			}
			TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
		}
	}

}
