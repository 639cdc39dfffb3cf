package dev.foyer.tickets;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface TicketRepository extends CrudRepository<Ticket, TicketId> {

    @Query("select * from ticket where external_ref = :ref")
    Optional<Ticket> findByExternalRef(String ref);
}
