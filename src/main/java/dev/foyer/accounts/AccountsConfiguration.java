package dev.foyer.accounts;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key that encrypts the portal users' TOTP secrets at rest (ADR 008). */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    SecretBox portalSecretBox(@Value("${foyer.secret-key:}") String configuredKey, @Value("${foyer.data-dir}") Path dataDir) {
        return SecretBox.of(configuredKey, dataDir);
    }
}
