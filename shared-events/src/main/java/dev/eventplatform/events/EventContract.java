package dev.eventplatform.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the event catalogue: a published event type at one version.
 *
 * @param type {@code resource.action} name
 * @param version payload version
 * @param payloadType the record that carries the payload
 * @param status current or deprecated
 * @param sunset last day a deprecated version is served, {@code null} while current
 * @param example a representative payload, published in the catalogue
 */
public record EventContract(String type, int version, Class<?> payloadType, ContractStatus status, LocalDate sunset,
		Object example) {

	public EventContract {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(payloadType, "payloadType");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(example, "example");
		if (!payloadType.isInstance(example)) {
			throw new IllegalArgumentException("example of " + type + " is not a " + payloadType.getName());
		}
		if ((status == ContractStatus.DEPRECATED) != (sunset != null)) {
			throw new IllegalArgumentException("a sunset date is required exactly for deprecated versions: " + type);
		}
	}

	/** The current contract of a payload record, named by its {@link EventType}. */
	public static EventContract current(Object example) {
		var eventType = eventTypeOf(example.getClass());
		return new EventContract(eventType.name(), eventType.version(), example.getClass(), ContractStatus.CURRENT,
				null, example);
	}

	/**
	 * The {@link EventType} of a payload class; fails for classes that are not published
	 * events.
	 */
	public static EventType eventTypeOf(Class<?> payloadType) {
		var eventType = payloadType.getAnnotation(EventType.class);
		if (eventType == null) {
			throw new IllegalArgumentException(payloadType.getName() + " is not annotated with @EventType");
		}
		return eventType;
	}

}
