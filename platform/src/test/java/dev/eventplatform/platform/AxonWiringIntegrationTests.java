package dev.eventplatform.platform;

/** The Axon wiring on PostgreSQL. */
@PlatformIntegrationTest
class AxonWiringIntegrationTests extends AxonWiringChecks {

	@Override
	String database() {
		return "PostgreSQL";
	}

}
