package dev.eventplatform.events;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

/**
 * Any consumer may depend on the published contracts: they must not drag in Spring, nor
 * Axon beyond the {@code @Revision} annotation that the event store needs (STYLE.md 8.4).
 */
@AnalyzeClasses(packages = "dev.eventplatform.events", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

	@ArchTest
	static final ArchRule shouldNotDependOnSpring = noClasses().that()
		.resideInAPackage("dev.eventplatform.events..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework..");

	@ArchTest
	static final ArchRule shouldUseNothingFromAxonButRevision = noClasses().that()
		.resideInAPackage("dev.eventplatform.events..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.axonframework..").and(not(type(Revision.class))));

}
