package dev.eventplatform.notification.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.standardwebhooks.Webhook;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures against the Standard Webhooks specification's published example. */
class WebhookSignerTest {

	// The specification's example (standard-webhooks.com, "Signature scheme").
	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final long TIMESTAMP = 1614265330;

	private static final String BODY = "{\"test\": 2432232314}";

	private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	@Test
	void signsThePublishedExampleAsTheSpecificationDoes() {
		assertThat(WebhookSigner.sign(List.of(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
	}

	@Test
	void signsWithEverySecretDuringARotationSoThatEitherVerifies() throws Exception {
		var rotated = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
		var header = WebhookSigner.sign(List.of(rotated, SECRET), ID, TIMESTAMP, BODY);

		assertThat(header.split(" ")).hasSize(2).contains(SIGNATURE);
		for (var secret : List.of(rotated, SECRET)) {
			var headers = HttpHeaders.of(Map.of("webhook-id", List.of(ID), "webhook-timestamp",
					List.of(Long.toString(java.time.Instant.now().getEpochSecond())), "webhook-signature",
					List.of(WebhookSigner.sign(List.of(rotated, SECRET), ID, java.time.Instant.now().getEpochSecond(),
							BODY))),
					(name, value) -> true);
			new Webhook(secret).verify(BODY, headers);
		}
	}

	@Test
	void refusesToSendUnsigned() {
		assertThatIllegalStateException().isThrownBy(() -> WebhookSigner.sign(List.of(), ID, TIMESTAMP, BODY));
	}

}
