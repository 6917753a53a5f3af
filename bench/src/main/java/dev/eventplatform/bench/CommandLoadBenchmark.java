package dev.eventplatform.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Load harness for the order command API: for each concurrency level, a fixed number of
 * closed-loop clients send commands for a warm-up and then a measured period, and one
 * table row reports successful commands per second and latency percentiles. Exits with 1
 * when a level had no successful command.
 */
public final class CommandLoadBenchmark {

	private CommandLoadBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		List<String> arguments = List.of(args);
		if (arguments.contains("--help") || arguments.contains("-h")) {
			System.out.print(BenchOptions.USAGE);
			return;
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("error: " + e.getMessage());
			System.err.print(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		int status = run(options, System.out);
		// Only exit explicitly on failure: under exec:java, System.exit ends Maven's JVM
		// too.
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(BenchOptions options, PrintStream out) throws InterruptedException {
		out.println(header(options));
		out.println();
		out.println(LevelResult.TABLE_HEADER);
		LevelRunner runner = new LevelRunner(new OrderApi(options.url(), options.key()), options);
		List<LevelResult> results = new ArrayList<>();
		for (int clients : options.concurrency()) {
			LevelResult result = runner.run(clients);
			out.println(result.tableRow());
			results.add(result);
		}

		for (LevelResult result : results) {
			if (!result.errorSamples().isEmpty()) {
				out.println();
				out.println("First distinct errors at " + result.clients() + " clients (warm-up included):");
				result.errorSamples().forEach(sample -> out.println("  " + sample));
			}
		}
		out.println();
		out.println("Summary:");
		for (LevelResult result : results) {
			out.println("  " + result.summary(options.mix().cliName(), options.url().toString(), environment()));
		}
		return results.stream().anyMatch(result -> result.ok() == 0) ? 1 : 0;
	}

	private static String header(BenchOptions options) {
		return String.format(
				"JVM %s %s (%s), %d cores; target %s; mix %s; per level: warm-up %d s,"
						+ " measure %d s, at most %d commands",
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(), options.url(),
				options.mix().cliName(), options.warmup().toSeconds(), options.duration().toSeconds(),
				options.maxRequests());
	}

	private static String environment() {
		return "JDK " + System.getProperty("java.runtime.version") + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores";
	}

}
