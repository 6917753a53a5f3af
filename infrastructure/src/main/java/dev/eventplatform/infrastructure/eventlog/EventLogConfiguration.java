package dev.eventplatform.infrastructure.eventlog;

import dev.eventplatform.infrastructure.DatabaseKind;
import dev.eventplatform.infrastructure.envelope.EnvelopeFactory;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.scheduler.Schedulers;

/** The node's one committed horizon and the event-log reader built on it. */
@Configuration(proxyBeanMethods = false)
public class EventLogConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Exact on PostgreSQL; elsewhere (the embedded H2 store) holes settle after
	 * {@code platform.event-log.settle-timeout}.
	 */
	@Bean
	CommittedHorizon committedHorizon(DatabaseKind database, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${platform.event-log.settle-timeout:5s}") Duration settleTimeout) {
		if (database.postgreSql()) {
			return new SnapshotHorizon(jdbc, new TransactionTemplate(transactionManager));
		}
		return new SettleTimeoutHorizon(jdbc, settleTimeout, clock);
	}

	@Bean
	EventLogReader eventLogReader(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer,
			org.axonframework.config.Configuration axon, EnvelopeFactory envelopes, CommittedHorizon horizon) {
		return new EventLogReader(jdbc, serializer, axon, envelopes, horizon, Schedulers.boundedElastic());
	}

}
