package dev.eventplatform.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

class StoreOutageTest {

	@Test
	void aFailedRollbackOnALostConnectionIsAnOutage() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection",
				new SQLException("terminating connection due to administrator command", "57P01")));

		assertThat(StoreOutage.causes(rollback)).isTrue();
	}

	@Test
	void aFailedRollbackAfterAnOrdinaryFailureIsNot() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new IllegalStateException("a bug"));

		assertThat(StoreOutage.causes(rollback)).isFalse();
		assertThat(StoreOutage.causes(new IllegalStateException("a bug"))).isFalse();
	}

}
