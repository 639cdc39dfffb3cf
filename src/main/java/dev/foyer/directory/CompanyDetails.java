package dev.foyer.directory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What staff (or a sync) say about a company; {@link #validated()} cleans it or names every problem. */
public record CompanyDetails(String name, String domain, String address, String phone, String notes,
                             ConsolidatedAccountId consolidatedAccount, String externalRef) {

    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public CompanyDetails validated() {
        Problems problems = new Problems();
        problems.required("name", name, 200, "company.error.name");
        String cleanDomain = Problems.clean(domain) == null ? null : Problems.clean(domain).toLowerCase(Locale.ROOT);
        if (cleanDomain != null && !DOMAIN.matcher(cleanDomain).matches()) {
            problems.add("domain", "company.error.domain");
        }
        problems.maxLength("address", address, 1000, "company.error.address");
        problems.maxLength("phone", phone, 50, "company.error.phone");
        problems.maxLength("notes", notes, 10000, "company.error.notes");
        ExternalRefs.check(problems, externalRef);
        problems.throwIfAny();
        return new CompanyDetails(name.strip(), cleanDomain, Problems.clean(address), Problems.clean(phone),
                Problems.clean(notes), consolidatedAccount, Problems.clean(externalRef));
    }

    /** The fields as shown in the record's history. */
    Map<String, String> snapshot(String consolidatedAccountName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("domain", domain);
        fields.put("address", address);
        fields.put("phone", phone);
        fields.put("notes", notes);
        fields.put("consolidatedAccount", consolidatedAccountName);
        fields.put("externalRef", externalRef);
        return fields;
    }
}
