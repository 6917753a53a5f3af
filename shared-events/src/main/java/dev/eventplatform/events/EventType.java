package dev.eventplatform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a payload record on the wire. The class name is what the event store keeps; this
 * annotation is what subscribers see, so renaming a class never changes a published name.
 * {@link #version()} must equal the record's Axon {@code @Revision} (checked by a
 * contract test).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	/** {@code resource.action}, lower case, {@code _} inside words. */
	String name();

	/** Integer version of the payload shape. */
	int version();

}
