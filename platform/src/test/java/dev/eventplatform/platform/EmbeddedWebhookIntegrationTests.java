package dev.eventplatform.platform;

/**
 * The webhook scenarios on the embedded default's H2 file database (claims with
 * {@code SKIP LOCKED}, inserts with {@code ON CONFLICT DO NOTHING} in PostgreSQL mode).
 */
@EmbeddedPlatformTest
class EmbeddedWebhookIntegrationTests extends WebhookScenarios {

}
