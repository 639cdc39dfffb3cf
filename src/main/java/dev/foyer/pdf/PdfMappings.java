package dev.foyer.pdf;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PdfMappings {

    @Bean
    TypedIdMapping<PdfTemplateId> pdfTemplateIdMapping() {
        return new TypedIdMapping<>(PdfTemplateId.class, PdfTemplateId::new);
    }
}
