package dev.eventplatform.command.order;

/** Lifecycle states the aggregate enforces. */
enum OrderStatus {

	CREATED, PAID, SHIPPED, DELIVERED, CANCELLED;

	boolean isClosed() {
		return this == DELIVERED || this == CANCELLED;
	}

}
