package dev.eventplatform.infrastructure.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded store's horizon, on an in-memory H2 database with a clock the test moves.
 */
class SettleTimeoutHorizonTest {

	private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

	private static final Duration SETTLE = Duration.ofSeconds(5);

	private JdbcClient jdbc;

	private MutableClock clock;

	private SettleTimeoutHorizon horizon;

	@BeforeEach
	void setUp() {
		var dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:horizon-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY, time_stamp VARCHAR(255))").update();
		clock = new MutableClock(T0);
		horizon = new SettleTimeoutHorizon(jdbc, SETTLE, clock);
	}

	@Test
	void anEmptyLogHasHorizonZero() {
		assertThat(horizon.current()).isZero();
	}

	@Test
	void movesToTheLastEventWhenThereIsNoHole() {
		append(1, T0);
		append(2, T0);
		assertThat(horizon.current()).isEqualTo(2);
	}

	@Test
	void stopsBeforeAHoleUntilTheEventAfterItIsOlderThanTheSettleTimeout() {
		append(1, T0);
		append(3, T0);
		assertThat(horizon.current()).isEqualTo(1);

		clock.set(T0.plus(SETTLE));
		assertThat(horizon.current()).as("exactly at the timeout the hole may still fill").isEqualTo(1);

		clock.set(T0.plus(SETTLE).plusMillis(1));
		assertThat(horizon.current()).isEqualTo(3);
	}

	@Test
	void aHoleThatFillsInTimeIsPassedAtOnce() {
		append(1, T0);
		append(3, T0);
		assertThat(horizon.current()).isEqualTo(1);
		append(2, T0);
		assertThat(horizon.current()).isEqualTo(3);
	}

	@Test
	void neverMovesBack() {
		append(1, T0);
		append(2, T0);
		assertThat(horizon.current()).isEqualTo(2);
		jdbc.sql("DELETE FROM domain_event_entry").update();
		assertThat(horizon.current()).isEqualTo(2);
	}

	private void append(long position, Instant at) {
		jdbc.sql("INSERT INTO domain_event_entry VALUES (?, ?)")
			.params(position, DateTimeUtils.formatInstant(at))
			.update();
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
