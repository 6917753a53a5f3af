package dev.eventplatform.infrastructure.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The codes the OpenAPI description lists are those docs/api/errors.md documents, with
 * the same status.
 */
class ApiProblemTest {

	@Test
	void everyDescribedCodeIsDocumentedWithItsStatus() throws IOException {
		var rows = Files.readAllLines(Path.of("../docs/api/errors.md"));
		for (var problem : ApiProblem.values()) {
			var row = "| `" + problem.code() + "` | " + problem.status().value() + " |";
			assertThat(rows).as(problem.name()).anyMatch(line -> line.startsWith(row));
		}
	}

	@Test
	void aDescribedPlatformCodeHasTheStatusItIsAnsweredWith() {
		for (var problem : ApiProblem.values()) {
			var answered = Arrays.stream(PlatformErrorCode.values())
				.filter(code -> code.code().equals(problem.code()))
				.toList();
			if (!answered.isEmpty()) {
				assertThat(answered).as(problem.name()).anyMatch(code -> code.status() == problem.status().value());
			}
		}
	}

}
