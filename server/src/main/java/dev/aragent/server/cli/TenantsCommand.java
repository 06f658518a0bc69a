package dev.aragent.server.cli;

import dev.aragent.agent.ledger.TenantId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent tenants add|list}: the companies one service keeps books for. */
@Command(
        name = "tenants",
        mixinStandardHelpOptions = true,
        header = "Add and list tenants (companies whose receivables one service keeps).",
        description = "One serve hosts many tenants; a person may belong to several (users add … --tenant ID), and"
                + " every request's tenant is the one its session or token is for.",
        subcommands = {TenantsCommand.Add.class, TenantsCommand.ListTenants.class, TenantsCommand.RequireTotp.class})
public final class TenantsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("Say what to do: tenants add|list (see --help)");
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, header = "Add a tenant.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "lower-case letters, digits and dashes")
        String id;

        @Option(names = "--name", paramLabel = "NAME", description = "the company's name (default: the id)")
        Optional<String> name = Optional.empty();

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return UsersCommand.run(common, app -> {
                TenantId t = TenantId.of(id);
                boolean added = app.access().addTenant(t, name.orElse(id), UsersCommand.actor());
                System.out.println(added ? "Tenant " + t + " added." : "Tenant " + t + " exists already.");
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the tenants.")
    static final class ListTenants implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return UsersCommand.run(common, app -> {
                app.access()
                        .tenants()
                        .forEach(e -> System.out.printf(Locale.ROOT, "%-24s %s%n", e.getKey(), e.getValue()));
                return 0;
            });
        }
    }

    @Command(
            name = "require-totp",
            mixinStandardHelpOptions = true,
            header = "Require a one-time code at sign-in from everyone who approves.")
    static final class RequireTotp implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "the tenant")
        String id;

        @Option(names = "--off", description = "no longer require it")
        boolean off;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return UsersCommand.run(common, app -> {
                app.access().requireTotp(TenantId.of(id), !off, UsersCommand.actor());
                System.out.println(
                        off
                                ? "Tenant " + id + " no longer requires one-time codes."
                                : "Tenant " + id
                                        + " now requires a one-time code from AR managers, controllers and admins"
                                        + " (enrol each with: ar-agent users totp EMAIL).");
                return 0;
            });
        }
    }
}
