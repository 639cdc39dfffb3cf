package dev.foyer.portal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Field rights (PRT-4) and actions (PRT-3) for portal forms and lists, read fresh on every call
 * (ACC-9): which fields a user's type hides, shows read-only or lets them edit, and what they may
 * do in a module. Fails closed: an inactive, unknown or broken viewer sees no field and may do
 * nothing. Deciding what to store is {@link FieldMask#merge}; forms render from {@link #rows}.
 */
@Service
public class PortalForms {

    private static final Logger log = LoggerFactory.getLogger(PortalForms.class);

    private final PortalViewers viewers;

    PortalForms(PortalViewers viewers) {
        this.viewers = viewers;
    }

    /** The user's field rights in the module; every field hidden when the user may see nothing. */
    public FieldMask mask(PortalUserId user, PortalModule module) {
        try {
            return viewers.load(user).filter(PortalViewer::active)
                    .filter(v -> v.rights().of(module).grantsView())
                    .map(v -> FieldMask.of(v.rights(), module)).orElseGet(() -> FieldMask.nothing(module));
        } catch (RuntimeException e) {
            log.warn("Field rights of portal user {} could not be read; showing nothing", user, e);
            return FieldMask.nothing(module);
        }
    }

    /** The actions the user's type grants in the module (PRT-3); none for an inactive user. */
    public Set<PortalAction> actions(PortalUserId user, PortalModule module) {
        try {
            return viewers.load(user).filter(PortalViewer::active)
                    .map(v -> v.rights().of(module)).filter(ModuleRight::grantsView)
                    .map(ModuleRight::actions).orElseGet(() -> EnumSet.noneOf(PortalAction.class));
        } catch (RuntimeException e) {
            log.warn("Rights of portal user {} could not be read; granting nothing", user, e);
            return EnumSet.noneOf(PortalAction.class);
        }
    }

    /**
     * The rows of a form: one per field the user sees, in form order, with its value (the posted
     * one after a refusal, else the record's) and its problem, if any. Hidden fields have no row.
     */
    public static List<FormRow> rows(FieldMask mask, Map<PortalField, String> values, Map<String, String> problems,
                                     boolean creating) {
        return mask.shownFields().stream().map(field -> new FormRow(field, FieldMask.param(field),
                creating ? mask.writableOnCreate(field) : mask.editable(field), field.mandatory(),
                values == null ? null : values.get(field),
                problems == null ? null : problems.get(FieldMask.param(field)))).toList();
    }

    /**
     * A posted text parsed (a date, a date-time), or null when blank; text that does not parse is a
     * problem of the form field {@code param}, not a crash.
     */
    public static <T> T parsed(String text, java.util.function.Function<String, T> parse, String param,
                               String messageKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw PortalException.of(param, messageKey);
        }
    }

    /** One field on a portal form; {@code labelKey} is the field's name in the message bundle. */
    public record FormRow(PortalField field, String name, boolean editable, boolean mandatory, String value,
                          String problem) {

        public String labelKey() {
            return "portal.field." + field.code();
        }
    }
}
