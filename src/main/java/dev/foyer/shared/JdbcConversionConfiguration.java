package dev.foyer.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.ConverterBuilder;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/** Registers a reading and a writing converter for every typed id a module declares. */
@Configuration(proxyBeanMethods = false)
class JdbcConversionConfiguration {

    @Bean
    JdbcCustomConversions jdbcCustomConversions(List<TypedIdMapping<?>> mappings) {
        List<Object> converters = new ArrayList<>();
        for (TypedIdMapping<?> mapping : mappings) {
            converters.add(converter(mapping));
        }
        return new JdbcCustomConversions(converters);
    }

    private static <T extends TypedId> Object converter(TypedIdMapping<T> mapping) {
        return ConverterBuilder.reading(UUID.class, mapping.type(), mapping.factory()::apply)
                .andWriting(TypedId::value);
    }
}
