package dev.aragent.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import dev.aragent.agent.tasks.TaskOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The worklist as the templates render it: what a collector reads, with the book's text kept as text. */
class PagesTest {
    static final Who DANA = new Who("Dana Reyes", "dana@northwind.example", "AR manager", "northwind", "c5rf");

    static Today today(String customer, int people, int waiting) {
        return new Today(
                DANA,
                LocalDate.of(2026, 12, 3),
                "09:58:12 EST",
                List.of(TaskRow.of(task(customer), LocalDate.of(2026, 12, 3), ZoneOffset.UTC, "c5rf")),
                List.of(new Today.Row(
                        1,
                        customer,
                        "C-1042",
                        "INV-1041, INV-1042",
                        "$18,420.00",
                        47,
                        "62 %",
                        "a person",
                        "firm reminder",
                        "Thu 3 Dec, 08:00 (America/Chicago)",
                        List.of("47 days past due (raises risk)"),
                        List.of("priority = $18,420.00 × 0.62 × 0.60 = 6,852"),
                        true)),
                List.of(new Today.Skipped("Harbor Foods", "C-2001", "credit memo pending", "apply the credit memo")),
                new Today.Capacity(people, Today.TOUCHES_PER_PERSON, waiting),
                "lightgbm v3, AUC 0.871 on held-out invoices — trained on 12,400 snapshots");
    }

    static PersonTask task(String customer) {
        return new PersonTask(
                UUID.fromString("00000000-0000-0000-0000-000000000042"),
                Optional.of(CustomerKey.of("C-1042")),
                customer,
                "call_debtor",
                "personal follow-up (high value): INV-1041",
                Optional.of(LocalDate.of(2026, 12, 2)),
                Optional.of("sam@northwind.example"),
                Instant.parse("2026-12-01T14:00:00Z"),
                Optional.empty(),
                "open");
    }

    @Test
    void aTaskForAPersonOffersItsOutcomesAndOnceClosedSaysWhatWasRecorded() {
        String html = Pages.today(today("Blue Fern Bistro", 2, 1));

        assertThat(html)
                .contains("Tasks for people (1)", "call debtor", "personal follow-up (high value): INV-1041")
                .contains("href=\"/accounts/C-1042\"", "Wed 2 Dec", "sam@northwind.example")
                .contains("hx-post=\"/tasks/00000000-0000-0000-0000-000000000042\"")
                .contains("<option value=\"promised\">Reached: promised to pay (date)</option>")
                .contains("<option value=\"skipped\">Skipped: not needed (note)</option>")
                .contains("hx-headers='{\"X-CSRF-Token\": \"c5rf\"}'");

        PersonTask open = task("Blue Fern Bistro");
        String refused = Pages.taskRow(TaskRow.of(
                open,
                Optional.empty(),
                Optional.of("\"Reached: promised to pay\" needs a date"),
                LocalDate.of(2026, 12, 3),
                ZoneOffset.UTC,
                "c5rf"));
        assertThat(refused).contains("role=\"alert\"", "needs a date").contains("<form");

        PersonTask done = new PersonTask(
                open.id(),
                open.customer(),
                open.customerName(),
                open.kind(),
                open.detail(),
                open.due(),
                open.assignee(),
                open.created(),
                open.conversation(),
                "done");
        Closing closing = ((Closing.Valid) Closing.of(
                        TaskOutcome.PROMISED,
                        Optional.of(LocalDate.of(2026, 12, 10)),
                        "after <payroll>",
                        "dana@northwind.example",
                        Instant.parse("2026-12-03T15:00:00Z"),
                        LocalDate.of(2026, 12, 3)))
                .closing();
        String closed = Pages.taskRow(TaskRow.of(
                done, Optional.of(closing), Optional.empty(), LocalDate.of(2026, 12, 3), ZoneOffset.UTC, "c5rf"));
        assertThat(closed)
                .contains("Reached: promised to pay (Thu 10 Dec)", "after &lt;payroll&gt;")
                .contains("recorded on the account and sent to the CRM, by dana@northwind.example")
                .doesNotContain("<form");
    }

    @Test
    void aCallTaskOnAnAccountPaidSinceSaysSo() {
        TaskRow row = TaskRow.of(task("Blue Fern Bistro"), LocalDate.of(2026, 12, 3), ZoneOffset.UTC, "c5rf");

        assertThat(Pages.taskRow(row.paidUp(true)))
                .contains("role=\"note\"", "Paid since this task was made", "No call needed");
        assertThat(Pages.taskRow(row.paidUp(false))).doesNotContain("Paid since");
    }

    @Test
    void aTaskSaysWhatItsAccountHasAtStakeTheOrderOfTheList() {
        TaskRow row = TaskRow.of(task("Blue Fern Bistro"), LocalDate.of(2026, 12, 3), ZoneOffset.UTC, "c5rf");

        assertThat(Pages.taskRow(row.atStake("$8,000.00 past due, 12 days: 73 % recoverable")))
                .contains("at stake: $8,000.00 past due, 12 days: 73 % recoverable");
        assertThat(Pages.taskRow(row)).doesNotContain("at stake");
        assertThat(Pages.taskRow(row.atStake("<b>x</b>"))).contains("&lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void theWorklistShowsEachAccountWithWhyWhatAndWhenAndTheTeamsCapacity() {
        String html = Pages.today(today("Blue Fern Bistro", 2, 2));

        assertThat(html)
                .contains("<h1>Today, 2026-12-03</h1>")
                .contains("Blue Fern Bistro", "C-1042", "INV-1041, INV-1042", "$18,420.00", "62 %")
                .contains("a person", "firm reminder", "Thu 3 Dec, 08:00 (America/Chicago)")
                .contains("47 days past due (raises risk)", "priority = $18,420.00 × 0.62 × 0.60 = 6,852")
                .contains(
                        "<b>2</b> people × 15 touches a day =",
                        "<b>30</b> touches",
                        "waiting for a person today: <b>2</b>")
                .contains("Harbor Foods", "credit memo pending", "apply the credit memo")
                .contains("Dana Reyes", "name=\"csrf\" value=\"c5rf\"")
                .doesNotContain("More waits than the team can reach today");
        assertThat(Pages.today(today("Blue Fern Bistro", 0, 2))).contains("More waits than the team can reach today");
    }

    @Test
    void aCustomerNamedLikeMarkupStaysText() {
        String html = Pages.today(today("<script>alert('x')</script> & Sons", 2, 1));

        assertThat(html)
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; Sons")
                .doesNotContain("<script>alert");
    }

    @Test
    void thePagesLoadOnlyOurOwnAssets() {
        String html = Pages.today(today("Blue Fern Bistro", 2, 1));

        assertThat(html)
                .contains("src=\"/assets/htmx.min.js\"", "href=\"/assets/console.css\"")
                .doesNotContain("http");
        assertThat(Pages.asset("htmx.min.js"))
                .hasValueSatisfying(a -> assertThat(new String(a.bytes())).contains("htmx"));
        assertThat(Pages.asset("console.css"))
                .hasValueSatisfying(a -> assertThat(a.mediaType()).startsWith("text/css"));
        assertThat(Pages.asset("../secrets.key")).isEmpty();
        assertThat(Pages.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void searchResultsKeepTheBooksTextAsText() {
        String html = Pages.accounts(new Accounts(
                DANA,
                "\"><img src=x onerror=alert(1)>",
                List.of(new Accounts.Hit("C-2002", "<b>Harbor</b> Foods", "name"))));

        assertThat(html)
                .contains("&lt;b&gt;Harbor&lt;/b&gt; Foods", "href=\"/accounts/C-2002\"")
                .doesNotContain("<img src=x", "<b>Harbor</b>");
    }
}
