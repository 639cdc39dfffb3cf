package dev.foyer.tickets;

public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
