package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.infrastructure.test.FreshPostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The split deployment as the docs run it: the command side's executable jar, which the
 * reactor packaged before this module's tests, started with {@code java -jar} against
 * PostgreSQL, with its API key from the environment.
 */
class SplitDeploymentIntegrationTests {

	private static final String KEY = "split-command-key";

	@Test
	void commandSideRunsFromItsExecutableJar() throws Exception {
		try (var database = FreshPostgresDatabase.create();
				var commandSide = ChildJvm.jar("command-side-exec", executableJar("command-side"),
						Map.of("POSTGRES_URL", database.url(), "POSTGRES_USER", database.user(), "POSTGRES_PASSWORD",
								database.password(), "PLATFORM_SECURITY_API_KEYS_0_NAME", "split-test",
								"PLATFORM_SECURITY_API_KEYS_0_KEY", KEY, "PLATFORM_SECURITY_API_KEYS_0_ROLES",
								"COMMAND"),
						"--server.address=127.0.0.1")) {
			var base = commandSide.awaitHealthy(Duration.ofSeconds(90));
			WebTestClient.bindToServer()
				.baseUrl(base.toString())
				.build()
				.post()
				.uri("/orders")
				.header("Authorization", "Bearer " + KEY)
				.bodyValue(OrderApi.TWO_LINES)
				.exchange()
				.expectStatus()
				.isCreated();
		}
	}

	private static Path executableJar(String module) throws IOException {
		var target = Path.of("..", module, "target").toAbsolutePath().normalize();
		try (var jars = Files.exists(target) ? Files.list(target) : Stream.<Path>empty()) {
			var jar = jars.filter(path -> path.getFileName().toString().matches(module + "-.*-exec\\.jar"))
				.max(Comparator.comparing(path -> path.toFile().lastModified()));
			assertThat(jar)
				.as("%s-*-exec.jar in %s: `./mvnw verify` (or `-pl platform -am`) packages it before this test "
						+ "runs; without one the split deployment cannot start", module, target)
				.isPresent();
			return jar.get();
		}
	}

}
