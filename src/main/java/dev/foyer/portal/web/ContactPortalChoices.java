package dev.foyer.portal.web;

import java.util.List;

import dev.foyer.portal.ContactAccessPanel;
import dev.foyer.portal.ContactPortalChoicesQuery;
import org.springframework.stereotype.Component;

/** The user types of every portal, grouped by portal, for the bulk invitation form. */
@Component
class ContactPortalChoices {

    private final ContactPortalChoicesQuery query;

    ContactPortalChoices(ContactPortalChoicesQuery query) {
        this.query = query;
    }

    List<ContactAccessPanel.TypeChoice> all() {
        return query.all();
    }
}
