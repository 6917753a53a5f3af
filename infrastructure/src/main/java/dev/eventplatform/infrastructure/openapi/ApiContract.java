package dev.eventplatform.infrastructure.openapi;

import dev.eventplatform.infrastructure.security.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation's description needs beyond its signature, added by
 * {@link ApiContractCustomizer}. On a controller it applies to every operation; a
 * method's own annotation adds to it (each member is the union of both). An operation
 * without one gets no security and no problems, which the description's tests refuse.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ApiContract {

	/**
	 * The key needs one of these roles; none means any valid key. Keep in step with the
	 * security rules.
	 */
	Role[] roles() default {};

	/**
	 * Problems besides those every operation can answer (authentication, the firewall,
	 * internal errors).
	 */
	ApiProblem[] problems() default {};

	/** The request may carry {@code If-Match}. */
	boolean ifMatch() default false;

	/** The successful response carries the resource's version as {@code ETag}. */
	boolean etag() default false;

	/**
	 * The successful response names the read model's position in
	 * {@value OpenApiConfiguration#READ_MODEL_POSITION}.
	 */
	boolean readModelPosition() default false;

}
