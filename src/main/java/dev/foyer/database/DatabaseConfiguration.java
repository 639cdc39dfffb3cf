package dev.foyer.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is configured
 * (environment variable {@code SPRING_DATASOURCE_URL}); otherwise Spring Boot's own
 * data source auto-configuration connects to the external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoDataSourceUrl.class)
class DatabaseConfiguration {

    static final String DATABASE = "foyer";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${foyer.data-dir}") Path dataDir) {
        EmbeddedPostgres server = EmbeddedPostgres.start(dataDir.resolve("postgres"));
        server.createDatabaseIfMissing(DATABASE);
        return server;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("foyer-embedded");
        dataSource.setJdbcUrl(server.jdbcUrl(DATABASE));
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
