package dev.eventplatform.infrastructure.test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Gives each test application context a database of its own on the machine's PostgreSQL,
 * created empty (Flyway migrates it) and dropped when the context closes, or when the JVM
 * exits for a context that failed to start. The server is taken from
 * {@code TEST_POSTGRES_URL} (an admin database URL, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code TEST_POSTGRES_USER} (default
 * {@code postgres}) and {@code TEST_POSTGRES_PASSWORD}.
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String ADMIN_URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = env("TEST_POSTGRES_USER", "postgres");

	private static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var database = create();
		TestPropertyValues
			.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password())
			.applyTo(context);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				database.close();
			}
		});
	}

	/**
	 * Creates an empty database for something other than a test context, such as an
	 * application in a child process. It is dropped on {@link Database#close()}, or when
	 * the JVM exits.
	 */
	public static Database create() {
		var database = new Database(
				"ep_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT));
		execute("CREATE DATABASE " + database.name());
		Runtime.getRuntime().addShutdownHook(new Thread(database::close, "drop-" + database.name()));
		return database;
	}

	/**
	 * A database that {@link #create()} made; closing drops it, and dropping twice is
	 * harmless.
	 */
	public record Database(String name) implements AutoCloseable {

		public String url() {
			return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
		}

		public String user() {
			return USER;
		}

		public String password() {
			return PASSWORD;
		}

		@Override
		public void close() {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}

	}

	private static void execute(String sql) {
		try (var connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL for tests is not reachable at " + ADMIN_URL
					+ " (set TEST_POSTGRES_URL, TEST_POSTGRES_USER, TEST_POSTGRES_PASSWORD): " + ex.getMessage(), ex);
		}
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
