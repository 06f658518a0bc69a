package dev.aragent.agent.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a request may do. A role grants a set of them; an API token is scoped to some of them and never exceeds its
 * owner's role.
 */
public enum Permission {
    /** Read the book: invoices, accounts, the queue, approvals, the report, metrics. */
    READ,
    /** Work accounts: log calls, notes, promises and disputes; take over or hand back. */
    WORK,
    /** Import files that change the book. */
    IMPORT,
    /** Decide approvals, within the role's approval limit. */
    APPROVE,
    /** Change the queue rules and the negotiation policy. */
    RULES,
    /** Apply bank receipts a person must decide on (the unapplied-cash queue), or set them aside. */
    CASH,
    /** Manage people, tokens, rules and settings. */
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Permission fromCode(String code) {
        for (Permission p : values()) {
            if (p.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + code + "': use "
                + Arrays.stream(values()).map(Permission::code).collect(Collectors.joining(", ")));
    }

    /** Scopes written as {@code read,import}. */
    public static Set<Permission> parse(String codes) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (String c : codes.split(",")) {
            if (!c.isBlank()) {
                out.add(fromCode(c));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "name at least one scope: read, work, import, approve, rules, cash or admin");
        }
        return out;
    }

    /** Every permission: a session carries its role's whole reach. */
    public static Set<Permission> allOf() {
        return EnumSet.allOf(Permission.class);
    }

    /** {@code read,import}. */
    public static String codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).collect(Collectors.joining(","));
    }
}
