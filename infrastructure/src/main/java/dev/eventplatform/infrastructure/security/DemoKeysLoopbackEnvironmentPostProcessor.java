package dev.eventplatform.infrastructure.security;

import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * While a demo key is active, the server listens on the loopback address only, unless
 * {@code server.address} is set explicitly (in any property source,
 * {@code SERVER_ADDRESS} included). The demo keys' values are public and include COMMAND
 * and OPERATOR, so on every interface anyone who reaches the port could use them.
 */
class DemoKeysLoopbackEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String LOOPBACK = "127.0.0.1";

	private final Log log;

	DemoKeysLoopbackEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.log = logs.getLog(DemoKeysLoopbackEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var keys = Binder.get(environment)
			.bind("platform.security.api-keys", Bindable.listOf(SecurityProperties.ApiKey.class))
			.orElse(List.of());
		if (keys.stream().noneMatch(SecurityProperties.ApiKey::demo)) {
			return;
		}
		var address = environment.getProperty("server.address");
		if (address == null) {
			// Last: any source that sets server.address, even one added later (test
			// properties), wins.
			environment.getPropertySources()
				.addLast(new MapPropertySource("demoKeysLoopback", Map.of("server.address", LOOPBACK)));
			log.info("Demo API keys are active, so the server listens on " + LOOPBACK + " (loopback) only. "
					+ "To listen on other interfaces, configure your own keys and set server.address "
					+ "(SERVER_ADDRESS), for example to 0.0.0.0.");
		}
		else {
			log.warn("Demo API keys are active and server.address is set to " + address
					+ ": anyone who reaches that address can use their public values.");
		}
	}

}
