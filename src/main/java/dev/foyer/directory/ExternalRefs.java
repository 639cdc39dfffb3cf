package dev.foyer.directory;

/** An external reference names a record in the organization's CRM or ERP: 1 to 200 printable characters. */
final class ExternalRefs {

    private ExternalRefs() {
    }

    static void check(Problems problems, String externalRef) {
        String clean = Problems.clean(externalRef);
        if (clean != null && (clean.length() > 200 || !clean.chars().allMatch(c -> c >= 0x20 && c != 0x7f))) {
            problems.add("externalRef", "record.error.externalRef");
        }
    }
}
