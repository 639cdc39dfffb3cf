package dev.foyer.projects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * Until portal settings exist, nothing new is shared (PRT-5's default, seed 002). This bean is a
 * {@link Fallback}: once the portal settings declare their own {@link SharingDefaults}, theirs is used.
 */
@Configuration(proxyBeanMethods = false)
class SharingConfiguration {

    @Bean
    @Fallback
    SharingDefaults nothingSharedByDefault() {
        return kind -> false;
    }
}
