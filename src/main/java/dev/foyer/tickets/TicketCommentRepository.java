package dev.foyer.tickets;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface TicketCommentRepository extends CrudRepository<TicketComment, TicketCommentId> {

    @Query("select * from ticket_comment where external_ref = :ref")
    Optional<TicketComment> findByExternalRef(String ref);
}
