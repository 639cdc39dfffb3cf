package dev.foyer.files;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FilesMappings {

    @Bean
    TypedIdMapping<FileTypeId> fileTypeIdMapping() {
        return new TypedIdMapping<>(FileTypeId.class, FileTypeId::new);
    }

    @Bean
    TypedIdMapping<StoredFileId> storedFileIdMapping() {
        return new TypedIdMapping<>(StoredFileId.class, StoredFileId::new);
    }
}
