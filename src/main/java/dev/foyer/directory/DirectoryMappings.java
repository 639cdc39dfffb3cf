package dev.foyer.directory;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DirectoryMappings {

    @Bean
    TypedIdMapping<CompanyId> companyIdMapping() {
        return new TypedIdMapping<>(CompanyId.class, CompanyId::new);
    }

    @Bean
    TypedIdMapping<ContactId> contactIdMapping() {
        return new TypedIdMapping<>(ContactId.class, ContactId::new);
    }

    @Bean
    TypedIdMapping<ConsolidatedAccountId> consolidatedAccountIdMapping() {
        return new TypedIdMapping<>(ConsolidatedAccountId.class, ConsolidatedAccountId::new);
    }
}
