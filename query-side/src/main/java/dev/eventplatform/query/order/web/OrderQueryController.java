package dev.eventplatform.query.order.web;

import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.Problems;
import dev.eventplatform.query.order.OrderSummary;
import dev.eventplatform.query.order.OrderSummaryFinder;
import dev.eventplatform.query.order.OrderSummaryRepository;
import dev.eventplatform.query.order.OrderSummaryStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads of the orders read model. */
@RestController
@RequestMapping("/orders")
class OrderQueryController {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("orderId"));

	private final OrderSummaryRepository orders;

	private final OrderSummaryFinder finder;

	OrderQueryController(OrderSummaryRepository orders, OrderSummaryFinder finder) {
		this.orders = orders;
		this.finder = finder;
	}

	@GetMapping("/{orderId}")
	Mono<ResponseEntity<OrderSummary>> get(@PathVariable String orderId) {
		return Mono.fromCallable(() -> orders.findById(orderId))
			.subscribeOn(Schedulers.boundedElastic())
			.map(found -> found
				.map(order -> ResponseEntity.ok().eTag("\"" + order.version() + "\"").body(order))
				.orElseThrow(() -> Problems.exception(PlatformErrorCode.NOT_FOUND, "No order with id '" + orderId + "' exists.")));
	}

	@GetMapping
	Mono<OrderPage> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String customer,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		var statusFilter = status == null ? null : parseStatus(status);
		return Mono.fromCallable(() -> finder.find(statusFilter, customer, PageRequest.of(page, size, NEWEST_FIRST)))
			.subscribeOn(Schedulers.boundedElastic())
			.map(result -> new OrderPage(result.getContent(), page, size, result.getTotalElements(),
					result.getTotalPages()));
	}

	private static OrderSummaryStatus parseStatus(String status) {
		try {
			return OrderSummaryStatus.valueOf(status.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.exception(PlatformErrorCode.INVALID_PARAMETER, "status must be one of " + List.of(OrderSummaryStatus.values()).toString().toLowerCase(Locale.ROOT));
		}
	}

	/** One page of orders, newest first. */
	record OrderPage(List<OrderSummary> items, int page, int size, long totalElements, int totalPages) {
	}

}
