/** The history of every record: who changed which fields, when, and through what. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package dev.foyer.audit;
