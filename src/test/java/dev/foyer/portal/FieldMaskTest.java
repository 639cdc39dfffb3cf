package dev.foyer.portal;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.foyer.portal.PortalField.TASK_ASSIGNEE;
import static dev.foyer.portal.PortalField.TASK_DESCRIPTION;
import static dev.foyer.portal.PortalField.TASK_DUE_DATE;
import static dev.foyer.portal.PortalField.TASK_STATUS;
import static dev.foyer.portal.PortalField.TASK_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

/** PRT-4 on portal forms: what a posted form may change, whatever the browser sends. */
class FieldMaskTest {

    /** Title read-only (mandatory), description hidden, status editable, due date read-only. */
    private final FieldMask mask = FieldMask.of(new Rights(Map.of(), Map.of(TASK_TITLE, FieldAccess.READ_ONLY,
            TASK_DESCRIPTION, FieldAccess.HIDDEN, TASK_STATUS, FieldAccess.EDITABLE), false), PortalModule.TASKS);

    private final Map<PortalField, String> posted = values("posted title", "posted text", "DONE", "2030-01-01");
    private final Map<PortalField, String> current = values("old title", "old text", "OPEN", "2027-02-01");

    @Test
    void anEditTakesOnlyEditableFieldsFromTheFormAndKeepsEveryOther() {
        Map<PortalField, String> stored = mask.merge(posted, current, false);
        assertThat(stored).containsEntry(TASK_TITLE, "old title").containsEntry(TASK_DESCRIPTION, "old text")
                .containsEntry(TASK_STATUS, "DONE").containsEntry(TASK_DUE_DATE, "2027-02-01");
    }

    @Test
    void aNewRecordTakesMandatoryAndEditableFieldsAndNothingHidden() {
        Map<PortalField, String> stored = mask.merge(posted, Map.of(), true);
        assertThat(stored).containsEntry(TASK_TITLE, "posted title").containsEntry(TASK_STATUS, "DONE");
        assertThat(stored.get(TASK_DESCRIPTION)).isNull();
        assertThat(stored.get(TASK_DUE_DATE)).isNull();
    }

    @Test
    void aCloneCopiesWhatTheUserSeesButNeverAHiddenField() {
        Map<PortalField, String> stored = mask.merge(posted, current, true);
        assertThat(stored).containsEntry(TASK_TITLE, "posted title").containsEntry(TASK_STATUS, "DONE")
                .containsEntry(TASK_DUE_DATE, "2027-02-01");
        assertThat(stored.get(TASK_DESCRIPTION)).isNull();
    }

    @Test
    void hiddenFieldsHaveNoFormRowAndNothingIsShownToAViewerWithoutRights() {
        assertThat(mask.shownFields()).containsExactly(TASK_TITLE, TASK_STATUS, TASK_ASSIGNEE, TASK_DUE_DATE);
        assertThat(PortalForms.rows(mask, current, Map.of(), false)).extracting(PortalForms.FormRow::editable)
                .containsExactly(false, true, false, false);
        assertThat(FieldMask.nothing(PortalModule.TASKS).shownFields()).isEmpty();
        assertThat(FieldMask.nothing(PortalModule.TASKS).merge(posted, Map.of(), true)).allSatisfy((f, v) ->
                assertThat(v).isNull());
    }

    private static Map<PortalField, String> values(String title, String description, String status, String due) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        values.put(TASK_TITLE, title);
        values.put(TASK_DESCRIPTION, description);
        values.put(TASK_STATUS, status);
        values.put(TASK_DUE_DATE, due);
        return values;
    }
}
