package dev.aragent.agent.access;

import java.time.Instant;

/** What signing in did. */
public sealed interface SignIn {
    /** Signed in: {@code cookie} is the session's secret for the browser, shown nowhere else. */
    record SignedIn(Principal who, Session session, String cookie) implements SignIn {}

    /** Wrong login or password, a disabled person, or no role in the tenant: one message for all, so as not to tell. */
    record Refused(String message) implements SignIn {}

    /** Too many failures in a row: no password is tried until {@code until}. */
    record Locked(Instant until) implements SignIn {}
}
