package dev.foyer.tickets;

import dev.foyer.portal.SharedItem;
import dev.foyer.portal.SharingDefaultsSettings;
import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TicketsMappings {

    @Bean
    TypedIdMapping<TicketId> ticketIdMapping() {
        return new TypedIdMapping<>(TicketId.class, TicketId::new);
    }

    @Bean
    TypedIdMapping<TicketCommentId> ticketCommentIdMapping() {
        return new TypedIdMapping<>(TicketCommentId.class, TicketCommentId::new);
    }

    /** New ticket comments start shared as the organization's sharing defaults for comments say (PRT-5). */
    @Bean
    TicketSharingDefaults ticketSharingDefaults(SharingDefaultsSettings settings) {
        return () -> settings.sharedByDefault(SharedItem.COMMENTS);
    }
}
