package dev.eventplatform.platform;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code platform.data-directory} absolute, resolved against the working directory,
 * before the H2 URL uses it: H2 refuses a relative path such as {@code data2} (error
 * 90011) and accepts only {@code ./}, {@code ~/} or absolute ones. {@code ~} is left to
 * H2, which expands it.
 */
class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String PROPERTY = "platform.data-directory";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var directory = environment.getProperty(PROPERTY);
		if (directory != null && !directory.startsWith("~")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("absoluteDataDirectory",
						Map.of(PROPERTY, Path.of(directory).toAbsolutePath().normalize().toString())));
		}
	}

}
