package dev.foyer.portal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The portal module's invariants that need no database: slugs (PRT-1) and rights (PRT-3, PRT-4). */
class PortalRulesTest {

    @Test
    void aSlugComesFromTheNameInLowercaseLettersDigitsAndSingleHyphens() {
        assertThat(Slugs.fromName("Customer portal")).isEqualTo("customer-portal");
        assertThat(Slugs.fromName("  Zürich & Genève — Partners!! ")).isEqualTo("zurich-geneve-partners");
        assertThat(Slugs.fromName("日本")).isEqualTo("portal");
        assertThat(Slugs.fromName("x".repeat(80))).hasSize(Slugs.MAX);
        assertThat(Slugs.numbered("a".repeat(60), 12)).hasSize(60).endsWith("-12");
        assertThat(Slugs.isValid("customer-portal")).isTrue();
        assertThat(Slugs.isValid("Customer")).isFalse();
        assertThat(Slugs.isValid("double--hyphen")).isFalse();
        assertThat(Slugs.isValid("-edge")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
    }

    @Test
    void rightsAreCompleteAndDenyByDefault() {
        Rights none = Rights.none();
        assertThat(none.modules()).hasSize(PortalModule.values().length);
        assertThat(none.modules().values()).allSatisfy(right -> {
            assertThat(right.grantsView()).isFalse();
            assertThat(right.actions()).isEmpty();
        });
        assertThat(none.fields()).hasSize(PortalField.values().length)
                .allSatisfy((field, access) -> assertThat(access).isEqualTo(FieldAccess.READ_ONLY));
    }

    @Test
    void refusedRightsNameEveryBadControl() {
        Map<PortalModule, ModuleRight> modules = Map.of(
                PortalModule.TASKS, ModuleRight.of(PortalModule.TASKS, ViewScope.NONE, Set.of(PortalAction.EDIT_OWN)),
                PortalModule.QUOTES, ModuleRight.of(PortalModule.QUOTES, ViewScope.ACCOUNT,
                        EnumSet.of(PortalAction.CREATE)),
                PortalModule.PROJECTS, ModuleRight.of(PortalModule.PROJECTS, ViewScope.OWN,
                        EnumSet.of(PortalAction.CLONE)));
        assertThatThrownBy(() -> new Rights(modules, Map.of(PortalField.CONTACT_EMAIL, FieldAccess.HIDDEN,
                PortalField.INVOICE_TOTAL, FieldAccess.EDITABLE, PortalField.CONTACT_PHONE, FieldAccess.HIDDEN), false))
                .isInstanceOf(PortalException.class)
                .satisfies(e -> assertThat(((PortalException) e).problems()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "view-TASKS", "portal.rights.error.actionWithoutView",
                        "CREATE-QUOTES", "portal.rights.error.notApplicable",
                        "CLONE-PROJECTS", "portal.rights.error.cloneNeedsCreate",
                        "field-CONTACTS-EMAIL", "portal.rights.error.mandatoryHidden",
                        "field-INVOICES-TOTAL", "portal.rights.error.notEditable")));
    }

    @Test
    void theDefaultUserTypesGrantWhatPrt2Lists() {
        Rights limited = PortalDefaults.limitedAccess();
        assertThat(EnumSet.allOf(PortalModule.class)).filteredOn(m -> limited.of(m).grantsView())
                .containsExactlyInAnyOrder(PortalModule.PROJECTS, PortalModule.FILES, PortalModule.COMMENTS,
                        PortalModule.NOTIFICATIONS);
        Rights full = PortalDefaults.fullAccess();
        assertThat(EnumSet.allOf(PortalModule.class)).filteredOn(m -> full.of(m).grantsView())
                .contains(PortalModule.PROJECTS, PortalModule.TASKS, PortalModule.EVENTS, PortalModule.FILES,
                        PortalModule.COMMENTS, PortalModule.NOTIFICATIONS, PortalModule.INVOICES, PortalModule.QUOTES,
                        PortalModule.ORDERS, PortalModule.CONTRACTS)
                .doesNotContain(PortalModule.TICKETS, PortalModule.CONTACTS, PortalModule.COMPANIES);
        assertThat(full.eventDescriptions()).isTrue();
    }

    @Test
    void everyModuleFieldHasAStableCodeAndMandatoryFieldsOfferNoHidden() {
        assertThat(PortalField.of(PortalModule.CONTACTS, "EMAIL")).contains(PortalField.CONTACT_EMAIL);
        assertThat(PortalField.CONTACT_EMAIL.choices()).containsExactly(FieldAccess.READ_ONLY, FieldAccess.EDITABLE);
        assertThat(PortalField.INVOICE_TOTAL.choices()).containsExactly(FieldAccess.READ_ONLY);
        assertThat(PortalModule.NOTIFICATIONS.fields()).isEmpty();
        assertThat(PortalModule.CONTACTS.fields()).extracting(PortalField::key)
                .containsExactly("FIRST_NAME", "LAST_NAME", "EMAIL", "PHONE", "TITLE");
    }
}
