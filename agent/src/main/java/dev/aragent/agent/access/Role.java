package dev.aragent.agent.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person's role in one tenant, in rising order of reach. The AR manager and the controller are also the approval
 * limits the policy names ({@code policy.approver}, {@code policy.senior-approver}): an approval that needs the
 * controller cannot be decided by an AR manager, one that needs the AR manager can be decided by either.
 */
public enum Role {
    /** Reads the book and the report (an auditor, the owner looking in). */
    VIEWER(EnumSet.of(Permission.READ)),
    /** Works the day's calls and tasks. */
    COLLECTOR(EnumSet.of(Permission.READ, Permission.WORK)),
    /** Runs collections: imports, rules, cash application, approvals up to the AR manager's limit. */
    AR_MANAGER(runsCollections()),
    /** Approves what is beyond the AR manager's limit. */
    CONTROLLER(runsCollections()),
    /** Everything, people and tokens included. */
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    /** What the AR manager and the controller may do: everything but administering people and tokens. */
    private static Set<Permission> runsCollections() {
        return EnumSet.complementOf(EnumSet.of(Permission.ADMIN));
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission p) {
        return permissions.contains(p);
    }

    /** {@code ar_manager}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code AR manager}. */
    public String title() {
        return switch (this) {
            case VIEWER -> "viewer";
            case COLLECTOR -> "collector";
            case AR_MANAGER -> "AR manager";
            case CONTROLLER -> "controller";
            case ADMIN -> "admin";
        };
    }

    public static Role fromCode(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.code().equals(c)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "': use "
                + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")));
    }

    /**
     * Whether this role may decide an approval that the policy gave to {@code approverRole} ({@code ar_manager} or
     * {@code controller}): the role named, or any role above it that approves.
     */
    public boolean mayApprove(String approverRole) {
        if (!allows(Permission.APPROVE)) {
            return false;
        }
        Role needed;
        try {
            needed = fromCode(approverRole);
        } catch (IllegalArgumentException e) {
            return this == ADMIN; // a policy naming a role we do not know: only an admin decides it
        }
        return compareTo(needed) >= 0;
    }
}
