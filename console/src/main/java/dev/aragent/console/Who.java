package dev.aragent.console;

import dev.aragent.agent.access.Principal;

/** Who is signed in, as every page's header shows them, and the session's CSRF token its forms carry. */
public record Who(String name, String login, String role, String tenant, String csrf) {
    public static Who of(Principal p, String csrf) {
        return new Who(p.name(), p.login(), p.role().title(), p.tenant().value(), csrf);
    }
}
