package dev.eventplatform.platform;

import dev.eventplatform.infrastructure.test.FreshPostgresDatabase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a real HTTP port against a fresh database on the machine's
 * PostgreSQL, with the test API keys. Classes with this annotation share one application
 * context: none may change its properties.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
// The stream's short keepalive, small caps, small replay budget and short lifetime are
// for
// EventStreamIntegrationTests; they are set here because a second context would pause
// this
// one between classes, and Axon cannot restart.
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "platform.stream.keepalive=1s", "platform.stream.max-connections-per-key=3",
				"platform.stream.poll-interval=100ms", "platform.stream.max-replay-events=100",
				"platform.stream.max-lifetime=8s" })
@AutoConfigureWebTestClient
@ActiveProfiles({ "postgres", "test" })
@ContextConfiguration(initializers = { FreshPostgresDatabase.class, WebhookReceiver.OperatorNotification.class })
public @interface PlatformIntegrationTest {

}
