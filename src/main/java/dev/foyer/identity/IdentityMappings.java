package dev.foyer.identity;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityMappings {

    @Bean
    TypedIdMapping<StaffUserId> staffUserIdMapping() {
        return new TypedIdMapping<>(StaffUserId.class, StaffUserId::new);
    }
}
