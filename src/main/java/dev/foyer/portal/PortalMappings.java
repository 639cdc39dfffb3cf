package dev.foyer.portal;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PortalMappings {

    @Bean
    TypedIdMapping<PortalId> portalIdMapping() {
        return new TypedIdMapping<>(PortalId.class, PortalId::new);
    }

    @Bean
    TypedIdMapping<UserTypeId> userTypeIdMapping() {
        return new TypedIdMapping<>(UserTypeId.class, UserTypeId::new);
    }

    @Bean
    TypedIdMapping<PortalUserId> portalUserIdMapping() {
        return new TypedIdMapping<>(PortalUserId.class, PortalUserId::new);
    }
}
