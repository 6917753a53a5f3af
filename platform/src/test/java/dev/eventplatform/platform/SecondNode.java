package dev.eventplatform.platform;

import java.time.Duration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another platform node in this JVM on the database of a test's context, as a second
 * process of a scaled-out deployment would run: its own command bus, aggregate locks and
 * connection pool, so commands sent to both nodes race only in the database.
 */
final class SecondNode implements AutoCloseable {

	static final String NODE_ID = "second-node";

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a node on {@code first}'s database, with the same profiles (and so the same
	 * API keys), owning processor segments as {@value #NODE_ID}.
	 */
	static SecondNode besides(ApplicationContext first) {
		var environment = first.getEnvironment();
		return new SecondNode(
				new SpringApplicationBuilder(PlatformApplication.class).profiles(environment.getActiveProfiles())
					.run("--server.port=0", "--platform.event-store.node-id=" + NODE_ID, datasource(environment, "url"),
							datasource(environment, "username"), datasource(environment, "password")));
	}

	private static String datasource(Environment environment, String property) {
		var name = "spring.datasource." + property;
		return "--" + name + "=" + environment.getRequiredProperty(name);
	}

	WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Override
	public void close() {
		context.close();
	}

}
