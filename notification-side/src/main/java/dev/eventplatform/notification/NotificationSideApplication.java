package dev.eventplatform.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the notification side alone (split deployment); the platform module runs all sides
 * together.
 */
@SpringBootApplication
public class NotificationSideApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationSideApplication.class, args);
	}

}
