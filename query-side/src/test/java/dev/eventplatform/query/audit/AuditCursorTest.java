package dev.eventplatform.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCursorTest {

	@Test
	void canRoundTripAPosition() {
		assertThat(AuditCursor.decode(new AuditCursor(4711).encode())).isEqualTo(new AuditCursor(4711));
		assertThat(AuditCursor.decode(AuditCursor.START.encode()).position()).isZero();
	}

	@Test
	void shouldBeOpaqueAndUrlSafe() {
		assertThat(new AuditCursor(Long.MAX_VALUE).encode()).matches("[A-Za-z0-9_-]+").doesNotContain("9223");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "zzz", "!!", "cDE6" /* "p1:" */, "cDE6LTE" /* "p1:-1" */ })
	void cannotDecodeWhatItDidNotEncode(String cursor) {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditCursor.decode(cursor))
			.withMessageContaining("Invalid cursor");
	}

	@Test
	void cannotDecodeAnotherFormat() {
		var foreign = Base64.getUrlEncoder().encodeToString("p2:5".getBytes(StandardCharsets.UTF_8));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditCursor.decode(foreign));
	}

}
