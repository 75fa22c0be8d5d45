package io.seicheck.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one database. With {@code sei.db.url} ({@code SEI_DB_URL}) set, that PostgreSQL server; otherwise an
 * embedded one keeping its data under {@code sei.db.embedded.data-dir} ({@code ./data/postgres}). Either way a
 * connection is refused after {@code sei.db.connect-timeout}, so that a database that is down or stalled turns
 * into a 503 within a few seconds instead of a caller left waiting. Flyway migrates it before anything else runs.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${sei.db.url:}'.isEmpty()")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${sei.db.embedded.data-dir}") Path dataDirectory) {
        return new EmbeddedPostgresServer(dataDirectory).start();
    }

    /** Connections for everything but the log's writer. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(ObjectProvider<EmbeddedPostgresServer> embedded, DatabaseSettings settings) {
        return pool("sei-db", settings.poolSize(), embedded.getIfAvailable(), settings);
    }

    /** Two connections that only the decision log's writer uses, so that readers can never starve it. */
    @Bean(destroyMethod = "close")
    DataSource decisionLogWriterDataSource(ObjectProvider<EmbeddedPostgresServer> embedded, DatabaseSettings settings) {
        return pool("sei-db-log-writer", 2, embedded.getIfAvailable(), settings);
    }

    @Bean
    DatabaseSettings databaseSettings(@Value("${sei.db.url:}") String url, @Value("${sei.db.user:}") String user,
            @Value("${sei.db.password:}") String password, @Value("${sei.db.pool-size}") int poolSize,
            @Value("${sei.db.connect-timeout}") Duration connectTimeout,
            @Value("${sei.db.socket-timeout}") Duration socketTimeout) {
        return new DatabaseSettings(url, user, password, poolSize, connectTimeout, socketTimeout);
    }

    /** Where and how to connect; see {@code sei.db.*} in application.yml. */
    record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout,
            Duration socketTimeout) {
    }

    private static HikariDataSource pool(String name, int size, EmbeddedPostgresServer server, DatabaseSettings s) {
        HikariConfig config = new HikariConfig();
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
        } else {
            config.setJdbcUrl(s.url());
            config.setUsername(s.user().isEmpty() ? null : s.user());
            config.setPassword(s.password().isEmpty() ? null : s.password());
        }
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(s.connectTimeout().toMillis());
        // The chain writer relies on READ COMMITTED (a fresh snapshot per statement), whatever the server's default.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Fail at start-up only if the database cannot be reached at all; later outages become 503s.
        config.setInitializationFailTimeout(s.connectTimeout().toMillis() * 5);
        config.addDataSourceProperty("connectTimeout", Math.max(1, s.connectTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", Math.max(1, s.socketTimeout().toSeconds()));
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        config.addDataSourceProperty("ApplicationName", "sei-check");
        return new HikariDataSource(config);
    }
}
