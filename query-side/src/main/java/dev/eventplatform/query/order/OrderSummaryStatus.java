package dev.eventplatform.query.order;

/** Status of an order as the read model shows it. */
public enum OrderSummaryStatus {

	CREATED, PAID, SHIPPED, DELIVERED, CANCELLED

}
