package dev.foyer.directory;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.identity.EmailAddress;
import dev.foyer.organization.OrganizationProfile;

/** What staff (or a sync) say about a contact; {@link #validated()} cleans it or names every problem. */
public record ContactDetails(String firstName, String lastName, String email, String phone, String title,
                             CompanyId company, boolean consent, boolean locked, String externalRef,
                             String language) {

    /** Without a language: the organization's default applies (issue 6 item 3). */
    public ContactDetails(String firstName, String lastName, String email, String phone, String title,
                          CompanyId company, boolean consent, boolean locked, String externalRef) {
        this(firstName, lastName, email, phone, title, company, consent, locked, externalRef, null);
    }

    public ContactDetails validated() {
        Problems problems = new Problems();
        problems.required("firstName", firstName, 100, "contact.error.firstName");
        problems.required("lastName", lastName, 100, "contact.error.lastName");
        String cleanEmail = Problems.clean(email);
        if (cleanEmail != null && !EmailAddress.isValid(cleanEmail)) {
            problems.add("email", "email.invalid");
        }
        problems.maxLength("phone", phone, 50, "contact.error.phone");
        problems.maxLength("title", title, 100, "contact.error.title");
        if (company == null) {
            problems.add("company", "contact.error.company");
        }
        ExternalRefs.check(problems, externalRef);
        String cleanLanguage = Problems.clean(language);
        if (cleanLanguage != null && !OrganizationProfile.LANGUAGES.contains(cleanLanguage)) {
            problems.add("language", "contact.error.language");
        }
        problems.throwIfAny();
        return new ContactDetails(firstName.strip(), lastName.strip(),
                cleanEmail == null ? null : EmailAddress.normalize(cleanEmail), Problems.clean(phone),
                Problems.clean(title), company, consent, locked, Problems.clean(externalRef), cleanLanguage);
    }

    Map<String, String> snapshot(String companyName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("title", title);
        fields.put("company", companyName);
        fields.put("consent", String.valueOf(consent));
        fields.put("locked", String.valueOf(locked));
        fields.put("externalRef", externalRef);
        fields.put("language", language);
        return fields;
    }
}
