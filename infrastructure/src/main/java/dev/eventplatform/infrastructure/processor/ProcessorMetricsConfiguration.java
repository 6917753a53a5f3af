package dev.eventplatform.infrastructure.processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Processor and message metrics from axon-micrometer, in Boot's registry (so in
 * {@code /actuator/prometheus}), with dimensions (tags) rather than names per component;
 * plus each processor's lag, and the health component {@code eventProcessors}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMetricsConfiguration {

	@Bean
	GlobalMetricRegistry axonMetricRegistry(MeterRegistry registry) {
		return new GlobalMetricRegistry(registry);
	}

	@Bean
	ConfigurerModule axonMetrics(GlobalMetricRegistry registry) {
		return new MetricsConfigurerModule(registry, true);
	}

	/**
	 * Event processors get the cheaper {@link ProcessorMessageMonitor} under the same
	 * meter names; this type-specific factory wins over axon-micrometer's default one.
	 * One monitor per processor name, since its gauges stay bound to the first.
	 */
	@Bean
	ConfigurerModule processorMessageMonitors(MeterRegistry registry) {
		Map<String, ProcessorMessageMonitor> monitors = new ConcurrentHashMap<>();
		return configurer -> configurer.configureMessageMonitor(EventProcessor.class, (configuration, componentType,
				name) -> monitors.computeIfAbsent(name, processor -> new ProcessorMessageMonitor(processor, registry)));
	}

	/** Events between each of this node's processors and the head of the log. */
	@Bean
	MeterBinder processorLagGauges(ProcessorSupervisor supervisor, Processors processors) {
		return registry -> supervisor.local()
			.keySet()
			.forEach(name -> Gauge
				.builder("platform.processor.lag", processors,
						p -> p.find(name).map(ProcessorStatus::lagEvents).orElse(0L))
				.description("Events between the processor's slowest segment and the head of the log")
				.baseUnit("events")
				.tag("processor", name)
				.register(registry));
	}

	@Bean
	ProcessorHealthIndicator eventProcessorsHealthIndicator(ProcessorSupervisor supervisor,
			ProcessorFailures failures) {
		return new ProcessorHealthIndicator(supervisor, failures);
	}

}
