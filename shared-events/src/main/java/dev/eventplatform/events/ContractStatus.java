package dev.eventplatform.events;

/** Lifecycle of a published event version. */
public enum ContractStatus {

	/** Emitted today and recommended for new subscribers. */
	CURRENT,

	/** Still served, but will stop at the contract's sunset date. */
	DEPRECATED

}
