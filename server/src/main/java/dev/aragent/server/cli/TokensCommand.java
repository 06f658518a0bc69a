package dev.aragent.server.cli;

import dev.aragent.agent.access.ApiToken;
import dev.aragent.agent.access.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent tokens create|list|revoke}: credentials for scripts and other systems. */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        header = "Create, list and revoke API tokens.",
        description = "A token acts for the person who owns it, in one tenant, limited to its scopes (read, work,"
                + " import, approve, admin) and never beyond the person's role; it expires and can be revoked. Send"
                + " it as 'Authorization: Bearer art_…'. It is shown once; only its hash is kept.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public final class TokensCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("Say what to do: tokens create|list|revoke (see --help)");
        return 2;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, header = "Create a token; prints it once.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "the person it acts for")
        String login;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "what uses it, e.g. prometheus")
        String name;

        @Option(
                names = "--scopes",
                required = true,
                paramLabel = "LIST",
                description = "comma-separated: read, work, import, approve, rules, cash, admin")
        String scopes;

        @Option(names = "--days", paramLabel = "N", description = "days until it expires (default: ${DEFAULT-VALUE})")
        int days = 90;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return UsersCommand.run(common, app -> {
                var issued = app.access()
                        .issue(
                                login,
                                app.settings().tenant(),
                                name,
                                Permission.parse(scopes),
                                Duration.ofDays(days),
                                UsersCommand.actor());
                System.out.println("Token " + issued.token().id() + " (" + name + ", "
                        + Permission.codes(issued.token().scopes()) + ", expires "
                        + issued.token().expiresAt()
                        + "). Shown once:");
                System.out.println(issued.secret());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the tenant's tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return UsersCommand.run(common, app -> {
                Instant now = app.clock().instant();
                System.out.printf(
                        Locale.ROOT,
                        "%-36s %-16s %-22s %-10s %-20s %s%n",
                        "id",
                        "name",
                        "scopes",
                        "state",
                        "expires",
                        "last used");
                for (ApiToken t : app.access().tokens(app.settings().tenant())) {
                    System.out.printf(
                            Locale.ROOT,
                            "%-36s %-16s %-22s %-10s %-20s %s%n",
                            t.id(),
                            t.name(),
                            Permission.codes(t.scopes()),
                            t.revokedAt().isPresent() ? "revoked" : t.liveAt(now) ? "live" : "expired",
                            t.expiresAt(),
                            t.lastUsedAt().map(Instant::toString).orElse("never"));
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, header = "Revoke a token at once.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "the token's id (tokens list)")
        UUID id;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return UsersCommand.run(common, app -> {
                if (!app.access().revoke(app.settings().tenant(), id, UsersCommand.actor())) {
                    System.err.println("No live token " + id + " in tenant "
                            + app.settings().tenant() + ".");
                    return 1;
                }
                System.out.println("Token " + id + " revoked.");
                return 0;
            });
        }
    }
}
