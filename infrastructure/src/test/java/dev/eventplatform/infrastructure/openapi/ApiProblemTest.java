package dev.eventplatform.infrastructure.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The codes the OpenAPI description lists are those docs/api/errors.md documents, with the same status. */
class ApiProblemTest {

	@Test
	void everyDescribedCodeIsDocumentedWithItsStatus() throws IOException {
		var rows = Files.readAllLines(Path.of("../docs/api/errors.md"));
		for (var problem : ApiProblem.values()) {
			var row = "| `" + problem.code() + "` | " + problem.status().value() + " |";
			assertThat(rows).as(problem.name()).anyMatch(line -> line.startsWith(row));
		}
	}

}
