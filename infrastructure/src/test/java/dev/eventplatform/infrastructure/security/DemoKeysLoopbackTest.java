package dev.eventplatform.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * Through a real start-up, so that the post-processor's registration and the property
 * precedence count.
 */
class DemoKeysLoopbackTest {

	private static final String[] DEMO_KEY = { "--platform.security.api-keys[0].name=demo",
			"--platform.security.api-keys[0].key=demo-key", "--platform.security.api-keys[0].roles=COMMAND",
			"--platform.security.api-keys[0].demo=true" };

	@Test
	void demoKeysListenOnLoopbackOnly() {
		assertThat(serverAddress(DEMO_KEY)).isEqualTo("127.0.0.1");
	}

	@Test
	void anExplicitAddressWins() {
		assertThat(serverAddress(with(DEMO_KEY, "--server.address=0.0.0.0"))).isEqualTo("0.0.0.0");
	}

	@Test
	void ownKeysLeaveTheAddressAlone() {
		assertThat(serverAddress("--platform.security.api-keys[0].name=ops", "--platform.security.api-keys[0].key=k",
				"--platform.security.api-keys[0].roles=OPERATOR"))
			.isNull();
	}

	private static String serverAddress(String... args) {
		try (var context = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args)) {
			return context.getEnvironment().getProperty("server.address");
		}
	}

	private static String[] with(String[] args, String more) {
		return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
