package dev.foyer.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.foyer.audit.ChangeAuthor;
import dev.foyer.directory.Contact;
import dev.foyer.directory.Contacts;
import dev.foyer.directory.DirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EXP-6: a portal user's own contact details on their profile, per their user type's field rights
 * (PRT-4). Authorizes here — an active user of an active portal, their own contact only, each field
 * as the rights say — then writes through directory's {@link Contacts#updateOwnDetails}. What the
 * user posts for a hidden or read-only field is ignored: its stored value is written back
 * unchanged. The contact e-mail is the contact's; the sign-in e-mail stays the invited one (LIF-2).
 * No {@link RecordKind} names a contact, so the contact's history (author: the portal user, via
 * "portal") is the record of the change rather than a {@link RecordActivity}.
 */
@Service
public class PortalContactProfile {

    /** The fields of a portal user's own contact, in the order the profile shows them, with their form names. */
    static final Map<String, PortalField> FIELDS = fields();
    static final String VIA = "portal";
    private static final Logger log = LoggerFactory.getLogger(PortalContactProfile.class);

    private final PortalViewers viewers;
    private final Contacts contacts;

    PortalContactProfile(PortalViewers viewers, Contacts contacts) {
        this.viewers = viewers;
        this.contacts = contacts;
    }

    private static Map<String, PortalField> fields() {
        Map<String, PortalField> fields = new LinkedHashMap<>();
        fields.put("firstName", PortalField.CONTACT_FIRST_NAME);
        fields.put("lastName", PortalField.CONTACT_LAST_NAME);
        fields.put("email", PortalField.CONTACT_EMAIL);
        fields.put("phone", PortalField.CONTACT_PHONE);
        fields.put("title", PortalField.CONTACT_TITLE);
        return fields;
    }

    /** The user's own contact as their rights show it; empty for a user who may see nothing (ACC-9, ACC-10). */
    @Transactional(readOnly = true)
    public Optional<PortalContactCard> card(PortalUserId user) {
        return viewers.load(user).filter(PortalViewer::active)
                .flatMap(viewer -> contacts.findForOwnProfile(viewer.contactId()).map(contact -> card(viewer, contact)));
    }

    /**
     * Saves the user's own contact details (EXP-6). {@code posted} maps form names to values; only
     * fields the user type makes editable are taken from it (PRT-4), a field not posted keeps its
     * value. Refused — changing nothing (ACC-12) — for a user who may see nothing, a locked contact
     * or when nothing is editable ({@link PortalException} with key {@code portal.contact.error.readOnly}),
     * bad input ({@link PortalException} per field) and a stale version
     * ({@link dev.foyer.shared.StaleVersionException}).
     */
    @Transactional
    public void update(PortalUserId user, long expectedVersion, Map<String, String> posted) {
        PortalViewer viewer = viewers.load(user).filter(PortalViewer::active)
                .orElseThrow(() -> PortalException.of("", "portal.contact.error.readOnly"));
        Contact contact = contacts.findForOwnProfile(viewer.contactId())
                .orElseThrow(() -> PortalException.of("", "portal.contact.error.readOnly"));
        PortalContactCard card = card(viewer, contact);
        if (!card.anyEditable()) {
            throw PortalException.of("", "portal.contact.error.readOnly");
        }
        Function<String, String> value = name -> {
            String stored = stored(contact, name);
            boolean editable = card.field(name).map(PortalContactCard.Field::editable).orElse(false);
            return editable && posted.containsKey(name) ? posted.get(name) : stored;
        };
        Contacts.OwnContactDetails own = new Contacts.OwnContactDetails(value.apply("firstName"),
                value.apply("lastName"), value.apply("email"), value.apply("phone"), value.apply("title"));
        String name = contact.firstName() + " " + contact.lastName();
        try {
            contacts.updateOwnDetails(contact.id(), expectedVersion, own,
                    new ChangeAuthor(null, name.strip(), VIA));
        } catch (DirectoryException e) {
            throw new PortalException(e.problems());
        }
        log.info("Portal user {} edited their contact details", user);
    }

    private static PortalContactCard card(PortalViewer viewer, Contact contact) {
        List<PortalContactCard.Field> shown = new ArrayList<>();
        FIELDS.forEach((name, field) -> {
            FieldAccess access = viewer.rights().of(field);
            if (access == null || access == FieldAccess.HIDDEN) {
                return; // ACC-8: a hidden field never leaves this method.
            }
            if (contact.locked() && access == FieldAccess.EDITABLE) {
                access = FieldAccess.READ_ONLY;
            }
            shown.add(new PortalContactCard.Field(name, field, access, stored(contact, name)));
        });
        return new PortalContactCard(contact.version(), contact.locked(), shown);
    }

    private static String stored(Contact contact, String name) {
        return switch (name) {
            case "firstName" -> contact.firstName();
            case "lastName" -> contact.lastName();
            case "email" -> contact.email();
            case "phone" -> contact.phone();
            case "title" -> contact.title();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
