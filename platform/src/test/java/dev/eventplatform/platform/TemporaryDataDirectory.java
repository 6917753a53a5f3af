package dev.eventplatform.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each test application context an empty data directory of its own for the embedded
 * H2 database, deleted when the JVM exits (after the context has closed the database, or
 * not: its files are only unlinked).
 */
class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			var directory = Files.createTempDirectory("ep-h2-");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "delete-" + directory));
			TestPropertyValues.of("platform.data-directory=" + directory).applyTo(context);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// Only a temporary directory left behind.
		}
	}

}
