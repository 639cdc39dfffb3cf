package dev.foyer.portal;

import java.util.List;

/**
 * Why a portal user can or cannot see one record: every rule checked separately, in order. The
 * record is visible only when every check passes (deny by default: no checks means not visible).
 */
public record Explanation(PortalUserId portalUser, RecordRef record, List<VisibilityCheck> checks) {

    public Explanation {
        checks = List.copyOf(checks);
    }

    public boolean visible() {
        return !checks.isEmpty() && checks.stream().allMatch(VisibilityCheck::passed);
    }

    /** The first check that failed, the reason to show first. */
    public java.util.Optional<VisibilityCheck> firstFailure() {
        return checks.stream().filter(check -> !check.passed()).findFirst();
    }
}
