package dev.foyer.test;

/**
 * The admin that the test contexts create through unattended setup (see application-test.properties
 * in the test resources).
 */
public final class TestAdmin {

    public static final String EMAIL = "admin@foyer.test";
    public static final String PASSWORD = "test-admin-passphrase-7";
    public static final String NAME = "Ada Admin";

    private TestAdmin() {
    }
}
