package dev.eventplatform.infrastructure.deadletter;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code GET /actuator/deadletters}: letters waiting per processing group; {@code POST
 * /actuator/deadletters/{group}}: retry that group's letters once the cause is fixed.
 * Operators only, like every actuator endpoint but health.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private final DeadLetters deadLetters;

	DeadLettersEndpoint(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@ReadOperation
	public Map<String, DeadLetters.Count> counts() {
		return deadLetters.counts();
	}

	@WriteOperation
	public WebEndpointResponse<Object> retry(@Selector String group) {
		if (!deadLetters.groups().contains(group)) {
			return new WebEndpointResponse<>(
					Map.of("detail",
							"No processing group named '" + group
									+ "' has a dead-letter queue; GET /actuator/deadletters lists them."),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(deadLetters.retry(group));
	}

}
