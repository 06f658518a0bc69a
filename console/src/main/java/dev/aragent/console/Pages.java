package dev.aragent.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The console's pages, from templates compiled with this module ({@code src/main/jte}, HTML-escaped by context), and
 * the assets they load — our stylesheet and htmx, both from this jar (no CDN).
 */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    /**
     * What a console page allows itself: its own scripts and styles only (no inline ones), no framing, forms posting
     * back to this site.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Pages() {}

    /** The worklist. */
    public static String today(Today today) {
        return render("today.jte", today);
    }

    /** One task's row, as the worklist shows it (the answer to closing it). */
    public static String taskRow(TaskRow task) {
        return render("task-row.jte", task);
    }

    /** The approvals waiting and decided lately. */
    public static String approvals(Approvals approvals) {
        return render("approvals.jte", approvals);
    }

    /** One approval's card (the answer to deciding it). */
    public static String approvalCard(ApprovalView approval) {
        return render("approval-card.jte", approval);
    }

    /** The imports page. */
    public static String imports(Imports imports) {
        return render("imports.jte", imports);
    }

    /** A file's health report, or what importing it did. */
    public static String importCheck(Imports.Check check) {
        return render("import-check.jte", check);
    }

    /** The unapplied-cash queue and how the receipts stand. */
    public static String cash(CashView cash) {
        return render("cash.jte", cash);
    }

    /** One receipt of the queue (the answer to deciding on it). */
    public static String cashRow(CashView.Row row) {
        return render("cash-row.jte", row);
    }

    /** A bank file read (nothing written yet), or what taking it did. */
    public static String bankCheck(Imports.BankCheck check) {
        return render("bank-check.jte", check);
    }

    /** Whether the agent collects on an account, and the forms that change it. */
    public static String hold(HoldView hold) {
        return render("hold.jte", hold);
    }

    /** An account's timeline with the form that adds a note, and why the last note was refused, if it was. */
    public static String timeline(Account account, String error) {
        StringOutput out = new StringOutput();
        ENGINE.render("timeline.jte", java.util.Map.of("account", account, "error", error), out);
        return out.toString();
    }

    /** The report: headline figures, the quarter week by week, aging, risk, likely write-offs. */
    public static String report(ReportView report) {
        return render("report.jte", report);
    }

    /** The last batch run, step by step. */
    static String workflow(WorkflowView workflow) {
        return render("workflow.jte", workflow);
    }

    /** The rules as a form. */
    public static String rules(RulesView rules) {
        return render("rules.jte", rules);
    }

    /** A draft's preview, or what saving it did. */
    static String rulesAnswer(RuleAnswers.Answer answer) {
        return render("rules-answer.jte", answer);
    }

    /** The quarter projected: under way, or done. */
    static String rulesProjection(RuleAnswers.Projection projection) {
        return render("rules-projection.jte", projection);
    }

    /** The versions of the rules. */
    static String rulesHistory(RuleAnswers.History history) {
        return render("rules-history.jte", history);
    }

    /** An account's contacts with the forms that change them, and why the last change was refused, if it was. */
    static String contacts(Account account, String error) {
        StringOutput out = new StringOutput();
        ENGINE.render("contacts.jte", java.util.Map.of("account", account, "error", error), out);
        return out.toString();
    }

    /** The account search. */
    public static String accounts(Accounts accounts) {
        return render("accounts.jte", accounts);
    }

    /** One account. */
    public static String account(Account account) {
        return render("account.jte", account);
    }

    private static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, model, out);
        return out.toString();
    }

    /** An asset by its name under {@code /assets/}, with its media type; empty for any other name. */
    public static Optional<Asset> asset(String name) {
        return switch (name) {
            case "console.css" -> Optional.of(new Asset("text/css; charset=utf-8", bytes("/console/console.css")));
            case "htmx.min.js" -> Optional.of(new Asset("text/javascript; charset=utf-8", bytes(HTMX)));
            case "console.js" -> Optional.of(new Asset("text/javascript; charset=utf-8", bytes("/console/console.js")));
            default -> Optional.empty();
        };
    }

    /** A static file the pages load. */
    public record Asset(String mediaType, byte[] bytes) {}

    private static byte[] bytes(String resource) {
        try (InputStream in = Pages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
