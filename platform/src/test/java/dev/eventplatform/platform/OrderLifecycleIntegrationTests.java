package dev.eventplatform.platform;

/** The order scenarios on PostgreSQL. */
@PlatformIntegrationTest
class OrderLifecycleIntegrationTests extends OrderLifecycleScenarios {

}
