package dev.eventplatform.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the query side alone (split deployment); the platform module runs all sides
 * together.
 */
@SpringBootApplication
public class QuerySideApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuerySideApplication.class, args);
	}

}
