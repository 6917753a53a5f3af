package dev.eventplatform.platform;

/** The Axon wiring on the embedded default's H2 file database. */
@EmbeddedPlatformTest
class EmbeddedAxonWiringIntegrationTests extends AxonWiringChecks {

	@Override
	String database() {
		return "H2";
	}

}
