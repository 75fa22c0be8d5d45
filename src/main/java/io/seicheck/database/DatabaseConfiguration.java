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

    @Bean(destroyMethod = "close")
    DataSource dataSource(ObjectProvider<EmbeddedPostgresServer> embedded, @Value("${sei.db.url:}") String url,
            @Value("${sei.db.user:}") String user, @Value("${sei.db.password:}") String password,
            @Value("${sei.db.pool-size}") int poolSize, @Value("${sei.db.connect-timeout}") Duration connectTimeout,
            @Value("${sei.db.socket-timeout}") Duration socketTimeout) {
        HikariConfig config = new HikariConfig();
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user.isEmpty() ? null : user);
            config.setPassword(password.isEmpty() ? null : password);
        }
        config.setPoolName("sei-db");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectTimeout.toMillis());
        // Fail at start-up only if the database cannot be reached at all; later outages become 503s.
        config.setInitializationFailTimeout(connectTimeout.toMillis() * 5);
        config.addDataSourceProperty("connectTimeout", Math.max(1, connectTimeout.toSeconds()));
        config.addDataSourceProperty("socketTimeout", Math.max(1, socketTimeout.toSeconds()));
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        config.addDataSourceProperty("ApplicationName", "sei-check");
        return new HikariDataSource(config);
    }
}
