/** The staff UI shell: layout, navigation, home page, error pages and UI language. */
@org.springframework.modulith.ApplicationModule(displayName = "UI shell")
package dev.foyer.shell;
