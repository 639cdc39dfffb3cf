package dev.foyer.site.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalForms.FormRow;
import dev.foyer.portal.PortalModule;
import org.springframework.ui.Model;

/**
 * What the portal's record forms share (EXP-5): posted values by field, the form rows from the
 * user's field rights (PRT-4: hidden fields get no row at all, read-only ones are text), and the
 * control each field is shown with. The posted map may name any field; {@link FieldMask#merge}
 * decides what is stored, never the browser.
 */
final class RecordForms {

    /** A task's status choices, in the order staff see them (labels: {@code task.status.*}). */
    static final List<String> TASK_STATUSES = List.of("OPEN", "IN_PROGRESS", "DONE");

    private RecordForms() {
    }

    /** The posted value of every field of the module, by its control name (absent ones are null). */
    static Map<PortalField, String> posted(PortalModule module, Map<String, String> params) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        for (PortalField field : module.fields()) {
            values.put(field, params.get(FieldMask.param(field)));
        }
        if (module == PortalModule.EVENTS) {
            // An event's time is one field with two controls: its start ("time") and its end.
            String start = params.get(FieldMask.param(PortalField.EVENT_TIME));
            String end = params.get(FieldMask.param(PortalField.EVENT_TIME) + "_end");
            boolean none = (start == null || start.isBlank()) && (end == null || end.isBlank());
            values.put(PortalField.EVENT_TIME, none ? null : (start == null ? "" : start) + "/" + (end == null ? "" : end));
        }
        return values;
    }

    static List<Input> inputs(FieldMask mask, Map<PortalField, String> values, Map<String, String> problems,
                              boolean creating) {
        // The assignee is staff's to set and no portal read selects it, so a form never shows it.
        return PortalForms.rows(mask, values, problems, creating).stream()
                .filter(row -> row.field() != PortalField.TASK_ASSIGNEE && row.field() != PortalField.TICKET_ASSIGNEE)
                .map(row -> new Input(row, type(row.field()))).toList();
    }

    /** The inputs as text only, when the user may not edit the record they look at. */
    static List<Input> readOnlyUnless(boolean canEdit, List<Input> inputs) {
        if (canEdit) {
            return inputs;
        }
        return inputs.stream().map(i -> new Input(new FormRow(i.row().field(), i.row().name(), false,
                i.row().mandatory(), i.row().value(), null), i.type())).toList();
    }

    /** Puts a form page's parts in the model; {@code version} null for a new record. */
    static void form(Model model, String headingKey, String headingArgument, List<Input> inputs, String action,
                     Long version, String submitKey, String backUrl) {
        model.addAttribute("headingKey", headingKey);
        model.addAttribute("headingArgument", headingArgument);
        model.addAttribute("inputs", inputs);
        model.addAttribute("formAction", action);
        model.addAttribute("version", version);
        model.addAttribute("canSubmit", inputs.stream().anyMatch(i -> i.row().editable()));
        model.addAttribute("submitKey", submitKey);
        model.addAttribute("backUrl", backUrl);
        model.addAttribute("statuses", TASK_STATUSES);
        model.addAttribute("priorities", dev.foyer.portal.PortalInteractions.PRIORITIES);
    }

    private static String type(PortalField field) {
        return switch (field) {
            case TASK_DESCRIPTION, COMPANY_ADDRESS, UPDATE_BODY, DOCUMENT_BODY, PROJECT_DESCRIPTION -> "textarea";
            case TASK_DUE_DATE, MILESTONE_DUE_DATE, PROJECT_START_DATE, PROJECT_DUE_DATE -> "date";
            case PROJECT_STATUS -> "projectStatus";
            case MILESTONE_DONE -> "checkbox";
            case EVENT_TIME -> "range";
            case TASK_STATUS -> "status";
            case TICKET_DESCRIPTION -> "textarea";
            case TICKET_PRIORITY -> "priority";
            case TICKET_STATUS -> "ticketStatus";
            case CONTACT_EMAIL -> "email";
            case CONTACT_PHONE, COMPANY_PHONE -> "tel";
            default -> "text";
        };
    }

    /** One form row and the control it is shown with: text, textarea, date, email, tel, status, checkbox, range (or a read-only status). */
    record Input(FormRow row, String type) {
    }
}
