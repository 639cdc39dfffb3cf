/** The demo organization for trials (FOYER_DEMO=true); it grows as Foyer gains records. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package dev.foyer.demo;
