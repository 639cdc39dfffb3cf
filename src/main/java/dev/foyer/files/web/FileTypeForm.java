package dev.foyer.files.web;

import dev.foyer.files.FileType;

/**
 * The file type form; an unchecked box sends nothing, so customerFile may be null (meaning no). A
 * blank external reference means none.
 */
record FileTypeForm(String name, Boolean customerFile, String externalRef, long version) {

    boolean isCustomerFile() {
        return Boolean.TRUE.equals(customerFile);
    }

    static FileTypeForm empty() {
        return new FileTypeForm("", true, "", 0);
    }

    static FileTypeForm of(FileType type) {
        return new FileTypeForm(type.name(), type.customerFile(), type.externalRef(), type.version());
    }

    FileTypeForm withVersion(long newVersion) {
        return new FileTypeForm(name, customerFile, externalRef, newVersion);
    }
}
