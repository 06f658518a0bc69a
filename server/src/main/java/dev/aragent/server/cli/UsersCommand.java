package dev.aragent.server.cli;

import dev.aragent.agent.access.Role;
import dev.aragent.console.TextReports;
import dev.aragent.server.App;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent users add|list|disable|enable|reset}: the people who sign in, and their roles in the tenant. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        header = "Add, list, disable and reset the people who sign in.",
        description = "People sign in to the console and the API with their email and password; each has a role in"
                + " the tenant: viewer, collector, ar_manager, controller or admin. The AR manager and the controller"
                + " are also the approval limits the policy names. A new person without --password-stdin gets a"
                + " generated password, printed once. Every change is written to the tenant's audit log.",
        subcommands = {
            UsersCommand.Add.class,
            UsersCommand.ListPeople.class,
            UsersCommand.Disable.class,
            UsersCommand.Enable.class,
            UsersCommand.Reset.class,
            UsersCommand.TotpEnrol.class
        })
public final class UsersCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("Say what to do: users add|list|disable|enable|reset (see --help)");
        return 2;
    }

    /** Who the audit log names for a change made here: the OS user who holds the data directory. */
    static String actor() {
        return "command line (OS user " + System.getProperty("user.name") + ")";
    }

    /** Runs {@code work} on the app; a bad argument is exit 2 with its message. */
    static int run(CommonOptions common, java.util.function.Function<App, Integer> work) {
        try (App app = App.start(common.settings(), common.clock())) {
            return work.apply(app);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, header = "Add a person (or change their role).")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EMAIL", description = "their login")
        String login;

        @Option(names = "--name", paramLabel = "NAME", description = "as shown to colleagues (default: the email)")
        Optional<String> name = Optional.empty();

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "viewer, collector, ar_manager, controller or admin")
        String role;

        @Option(names = "--slack", paramLabel = "USER-ID", description = "their Slack user id (U0123ABCD)")
        Optional<String> slack = Optional.empty();

        @Option(names = "--password-stdin", description = "read their password (12-128 characters) from stdin")
        boolean passwordStdin;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws IOException {
            Optional<char[]> password = passwordStdin ? Optional.of(stdinLine()) : Optional.empty();
            return run(common, app -> {
                var enrolled = app.access()
                        .enroll(
                                login,
                                name.orElse(login),
                                Role.fromCode(role),
                                app.settings().tenant(),
                                slack,
                                password,
                                actor());
                System.out.println(
                        enrolled.person().login() + " is " + Role.fromCode(role).title() + " of tenant "
                                + app.settings().tenant() + ".");
                enrolled.generatedPassword()
                        .ifPresent(p ->
                                System.out.println("Password (shown once; they can sign in at /login with it): " + p));
                return 0;
            });
        }
    }

    static char[] stdinLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password on stdin");
        }
        return line.toCharArray();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the tenant's people and their roles.")
    static final class ListPeople implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return run(common, app -> {
                TextReports.people(
                        System.out,
                        app.access().members(app.settings().tenant()),
                        app.clock().instant());
                return 0;
            });
        }
    }

    /** A command about one person, named by their login. */
    abstract static class OnePerson implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EMAIL")
        String login;

        @Mixin
        CommonOptions common;
    }

    /** Whether a person may sign in: what {@code disable} and {@code enable} change. */
    abstract static class SignInAllowed extends OnePerson {
        abstract boolean disabled();

        @Override
        public Integer call() {
            return run(common, app -> {
                app.access().disable(login, disabled(), actor());
                System.out.println(
                        login + (disabled() ? " is disabled; their sessions ended." : " may sign in again."));
                return 0;
            });
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            header = "Stop a person signing in; ends their sessions.")
    static final class Disable extends SignInAllowed {
        @Override
        boolean disabled() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, header = "Let a disabled person sign in again.")
    static final class Enable extends SignInAllowed {
        @Override
        boolean disabled() {
            return false;
        }
    }

    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            header = "New password for a person (shown once); unlocks them, ends sessions.")
    static final class Reset extends OnePerson {
        @Option(names = "--password-stdin", description = "read the new password from stdin")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Optional<char[]> password = passwordStdin ? Optional.of(stdinLine()) : Optional.empty();
            return run(common, app -> {
                if (password.isPresent()) {
                    app.access().setPassword(login, password.get(), actor());
                    System.out.println("Password set for " + login + "; their sessions ended.");
                } else {
                    System.out.println("New password for " + login + " (shown once): "
                            + app.access().reset(login, actor()));
                }
                return 0;
            });
        }
    }

    @Command(
            name = "totp",
            mixinStandardHelpOptions = true,
            header = "Enrol a person's authenticator app (one-time codes at sign-in).")
    static final class TotpEnrol extends OnePerson {
        @Option(names = "--off", description = "remove their authenticator instead")
        boolean off;

        @Override
        public Integer call() {
            return run(common, app -> {
                if (off) {
                    app.access().removeTotp(login, actor());
                    System.out.println(login + " signs in without a one-time code (unless the tenant requires one).");
                    return 0;
                }
                String secret = app.access().enrolTotp(login, actor());
                System.out.println("Add this to " + login + "'s authenticator app (shown once):");
                System.out.println("  secret: " + secret);
                System.out.println("  " + dev.aragent.agent.access.Totp.uri("ar-agent", login, secret));
                System.out.println("From now on they sign in with their password and the app's six-digit code.");
                return 0;
            });
        }
    }
}
