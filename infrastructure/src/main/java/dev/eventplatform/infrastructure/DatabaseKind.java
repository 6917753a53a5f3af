package dev.eventplatform.infrastructure;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The database the platform runs on, read once at start-up: PostgreSQL in production, H2
 * as the embedded default. Statements that differ between the two ask this.
 *
 * @param postgreSql whether it is PostgreSQL
 */
public record DatabaseKind(boolean postgreSql) {

	static DatabaseKind of(DataSource dataSource) throws MetaDataAccessException {
		return new DatabaseKind("PostgreSQL"
			.equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)));
	}

}
