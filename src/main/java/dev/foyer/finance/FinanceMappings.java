package dev.foyer.finance;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FinanceMappings {

    @Bean
    TypedIdMapping<FinanceDocumentId> financeDocumentIdMapping() {
        return new TypedIdMapping<>(FinanceDocumentId.class, FinanceDocumentId::new);
    }

    @Bean
    TypedIdMapping<OrderFlagId> orderFlagIdMapping() {
        return new TypedIdMapping<>(OrderFlagId.class, OrderFlagId::new);
    }
}
