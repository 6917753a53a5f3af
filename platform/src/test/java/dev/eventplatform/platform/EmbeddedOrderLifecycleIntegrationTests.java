package dev.eventplatform.platform;

/** The order scenarios on the embedded default's H2 file database. */
@EmbeddedPlatformTest
class EmbeddedOrderLifecycleIntegrationTests extends OrderLifecycleScenarios {

}
