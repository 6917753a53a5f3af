package dev.eventplatform.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the command side alone (split deployment); the platform module runs all sides
 * together.
 */
@SpringBootApplication
public class CommandSideApplication {

	public static void main(String[] args) {
		SpringApplication.run(CommandSideApplication.class, args);
	}

}
