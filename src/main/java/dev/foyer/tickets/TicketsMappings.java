package dev.foyer.tickets;

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

    /** Until portal settings exist (PRT-5), nothing new is shared on the portal. */
    @Bean
    TicketSharingDefaults ticketSharingDefaults() {
        return TicketSharingDefaults.NOT_SHARED;
    }
}
