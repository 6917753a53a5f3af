package dev.eventplatform.infrastructure.catalogue;

import dev.eventplatform.events.EventContract;
import java.util.List;

/**
 * Published event contracts that a side contributes to the catalogue, as a bean: the side
 * that emits a domain's events, and any side that serves or reads them when deployed
 * alone. The catalogue takes the union; two sides naming the same contract is expected.
 *
 * @param contracts every version of every type the side knows
 */
public record EventContracts(List<EventContract> contracts) {

}
