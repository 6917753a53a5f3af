package dev.eventplatform.platform;

/** The webhook scenarios on PostgreSQL. */
@PlatformIntegrationTest
class WebhookIntegrationTests extends WebhookScenarios {

}
