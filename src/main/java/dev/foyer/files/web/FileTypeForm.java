package dev.foyer.files.web;

import dev.foyer.files.FileType;

/** The file type form. */
record FileTypeForm(String name, boolean customerFile, long version) {

    static FileTypeForm empty() {
        return new FileTypeForm("", true, 0);
    }

    static FileTypeForm of(FileType type) {
        return new FileTypeForm(type.name(), type.customerFile(), type.version());
    }

    FileTypeForm withVersion(long newVersion) {
        return new FileTypeForm(name, customerFile, newVersion);
    }
}
