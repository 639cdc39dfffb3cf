package dev.foyer.tickets;

import org.springframework.data.repository.CrudRepository;

interface TicketCommentRepository extends CrudRepository<TicketComment, TicketCommentId> {
}
