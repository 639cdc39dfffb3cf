/** The small shared kernel: typed ids, clock, persistence conversions. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.foyer.shared;
