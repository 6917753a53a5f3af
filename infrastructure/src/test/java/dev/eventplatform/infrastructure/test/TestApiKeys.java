package dev.eventplatform.infrastructure.test;

/**
 * The API keys that {@code application-test.yml} defines: one per role, and one with two
 * roles.
 */
public final class TestApiKeys {

	public static final String COMMAND = "test-command-key";

	public static final String AUDIT = "test-audit-key";

	public static final String SUBSCRIBER = "test-subscriber-key";

	/** A second subscriber, who must not see the first one's subscriptions. */
	public static final String OTHER_SUBSCRIBER = "test-subscriber-2-key";

	public static final String STREAM = "test-stream-key";

	public static final String OPERATOR = "test-operator-key";

	public static final String COMMAND_AND_AUDIT = "test-command-audit-key";

	private TestApiKeys() {
	}

}
