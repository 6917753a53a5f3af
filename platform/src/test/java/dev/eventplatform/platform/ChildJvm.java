package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Spring Boot application in a JVM of its own, for what an in-process context cannot
 * show: a {@code kill -9}, or a packaged jar. It listens on a free port, read from its
 * log, and is reached through the loopback address; the output goes to
 * {@code target/child-jvm/<name>.log} for diagnostics.
 */
final class ChildJvm implements AutoCloseable {

	private static final Pattern STARTED_ON_PORT = Pattern.compile("Netty started on port (\\d+)");

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Process process;

	private final Path output;

	private ChildJvm(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Runs {@code mainClass} on this JVM's class path. */
	static ChildJvm mainClass(String name, Class<?> mainClass, String... args) {
		return start(name, List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()), Map.of(), args);
	}

	/** Runs an executable jar with extra environment variables, as an operator would. */
	static ChildJvm jar(String name, Path jar, Map<String, String> environment, String... args) {
		return start(name, List.of("-jar", jar.toString()), environment, args);
	}

	private static ChildJvm start(String name, List<String> target, Map<String, String> environment, String... args) {
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// C1 only: these JVMs live for seconds on two cores shared with the
				// build.
				"-XX:TieredStopAtLevel=1", "-Xmx512m"));
		command.addAll(target);
		command.add("--server.port=0");
		command.addAll(List.of(args));
		try {
			var output = Files.createDirectories(Path.of("target", "child-jvm")).resolve(name + ".log");
			var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			return new ChildJvm(builder.start(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + name + ": " + command, ex);
		}
	}

	/**
	 * Waits until the application reports its port and answers health {@code UP}; returns
	 * its base URI.
	 */
	URI awaitHealthy(Duration timeout) throws InterruptedException {
		var deadline = System.nanoTime() + timeout.toNanos();
		URI base = null;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				fail("The child JVM exited with " + process.exitValue() + "; its output is in "
						+ output.toAbsolutePath());
			}
			if (base == null) {
				base = baseUri().orElse(null);
			}
			else if (isUp(base)) {
				return base;
			}
			Thread.sleep(200);
		}
		return fail("Not healthy within " + timeout + "; output in " + output.toAbsolutePath());
	}

	/** SIGKILL: no shutdown hook, no flush, no clean close of the database. */
	void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The child JVM " + process.pid() + " did not end");
		}
	}

	private Optional<URI> baseUri() {
		try {
			var matcher = STARTED_ON_PORT.matcher(Files.readString(output));
			return matcher.find() ? Optional.of(URI.create("http://127.0.0.1:" + matcher.group(1))) : Optional.empty();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isUp(URI base) throws InterruptedException {
		try {
			var response = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
