package dev.foyer.projects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until portal settings exist, nothing new is shared (PRT-5's default, seed 002). The portal
 * settings replace this bean with a {@code @Primary} {@link SharingDefaults} of their own.
 */
@Configuration(proxyBeanMethods = false)
class NothingSharedByDefault {

    @Bean
    SharingDefaults nothingSharedByDefault() {
        return kind -> false;
    }
}
