package dev.foyer.api;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiMappings {

    @Bean
    TypedIdMapping<ApiTokenId> apiTokenIdMapping() {
        return new TypedIdMapping<>(ApiTokenId.class, ApiTokenId::new);
    }
}
