/**
 * Tickets (cases) of a company: subject, description, status, priority, assignee, staff members and
 * comments whose "Show on portal" switch follows the sharing defaults (issue 3, PRODUCT.md §2, PRT-5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package dev.foyer.tickets;
