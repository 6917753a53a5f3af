package dev.eventplatform.platform;

import dev.eventplatform.command.CommandSideConfiguration;
import dev.eventplatform.notification.NotificationSideConfiguration;
import dev.eventplatform.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Every side in one process: the embedded default, or one node of a PostgreSQL
 * deployment.
 */
@SpringBootApplication
@Import({ CommandSideConfiguration.class, QuerySideConfiguration.class, NotificationSideConfiguration.class })
public class PlatformApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlatformApplication.class, args);
	}

}
