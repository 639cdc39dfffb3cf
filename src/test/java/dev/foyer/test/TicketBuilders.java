package dev.foyer.test;

import java.util.concurrent.atomic.AtomicInteger;

import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketComment;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.TicketDetails;
import dev.foyer.tickets.TicketId;
import dev.foyer.tickets.TicketPriority;
import dev.foyer.tickets.Tickets;

/** Builders for tickets and their comments, created through the real services. */
public final class TicketBuilders {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TicketBuilders() {
    }

    public static TicketBuilder aTicket() {
        return new TicketBuilder();
    }

    public static CommentBuilder aComment() {
        return new CommentBuilder();
    }

    public static final class TicketBuilder {
        private CompanyId company;
        private String subject = "Ticket " + SEQUENCE.incrementAndGet() + " " + System.nanoTime();
        private String description = "<p>Something is not right.</p>";
        private TicketPriority priority = TicketPriority.NORMAL;
        private StaffUserId assignee;
        private String externalRef;

        public TicketBuilder at(CompanyId company) {
            this.company = company;
            return this;
        }

        public TicketBuilder about(String subject) {
            this.subject = subject;
            return this;
        }

        public TicketBuilder describedAs(String description) {
            this.description = description;
            return this;
        }

        public TicketBuilder withPriority(TicketPriority priority) {
            this.priority = priority;
            return this;
        }

        public TicketBuilder assignedTo(StaffUserId assignee) {
            this.assignee = assignee;
            return this;
        }

        public TicketBuilder withExternalRef(String externalRef) {
            this.externalRef = externalRef;
            return this;
        }

        public Ticket openedBy(Tickets tickets, StaffPrincipal actor) {
            return tickets.open(actor, new TicketDetails(company, subject, description, priority, assignee, externalRef));
        }
    }

    public static final class CommentBuilder {
        private TicketId ticket;
        private String body = "<p>A comment " + SEQUENCE.incrementAndGet() + "</p>";
        private Boolean shared;

        public CommentBuilder on(TicketId ticket) {
            this.ticket = ticket;
            return this;
        }

        public CommentBuilder saying(String body) {
            this.body = body;
            return this;
        }

        public CommentBuilder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        public TicketComment postedBy(TicketComments comments, StaffPrincipal actor) {
            return comments.add(actor, ticket, body, shared);
        }
    }
}
