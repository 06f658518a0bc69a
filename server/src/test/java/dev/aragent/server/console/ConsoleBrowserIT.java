package dev.aragent.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.RawEmail;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.TestDatabase;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser (Debian's Chromium through Playwright): signing in through the real form and working
 * from the worklist. Each test saves a screenshot under {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final TenantId TENANT = TenantId.of("northwind");
    private static final String PASSWORD = "a long enough password";
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static App app;
    private static WebServer server;
    private static Playwright playwright;
    private static Browser browser;

    /** Debian's Chromium, or the one {@code AR_CHROMIUM} names; the launcher installs it for the tests. */
    static Path chromium() {
        Path p = Path.of(Optional.ofNullable(System.getenv("AR_CHROMIUM")).orElse("/usr/bin/chromium"));
        assertThat(p)
                .as("the browser tests need Chromium: apt-get install chromium (./ar-agent test installs it)")
                .isExecutable();
        return p;
    }

    @BeforeAll
    static void start() throws Exception {
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", TENANT.value()));
        app = App.with(settings, CLOCK, TestDatabase.fresh());
        LocalDate due = LocalDate.of(2026, 10, 1);
        app.ledger()
                .apply(
                        TENANT,
                        Books.aging(
                                List.of(
                                        Books.customerWithEmail("C-1041", "Blue Fern Bistro", "ap@bluefern.example"),
                                        Books.customerWithEmail(
                                                "C-2002", "<script>alert('x')</script> Supply", "ap@script.example"),
                                        Books.customerWithEmail("C-3003", "Harbor Foods", "ap@harbor.example")),
                                List.of(
                                        Books.open("C-1041", "INV-1041", due, 1_842_000, 1_842_000),
                                        Books.open("C-2002", "INV-2002", due.minusDays(30), 420_000, 420_000),
                                        Books.open("C-3003", "INV-3003", due.plusDays(20), 96_000, 96_000)),
                                List.of()),
                        Books.audit(ImportKind.AGING, 3));
        for (var p : List.of(
                new String[] {"dana@northwind.example", "Dana Reyes", "AR_MANAGER"},
                new String[] {"sam@northwind.example", "Sam Ortiz", "COLLECTOR"})) {
            app.access()
                    .enroll(
                            p[0],
                            p[1],
                            Role.valueOf(p[2]),
                            TENANT,
                            Optional.empty(),
                            Optional.of(PASSWORD.toCharArray()),
                            "test");
        }
        server = ServeCommand.start(
                app, Optional.of(app.tenancy(app.replyDesk(), app.turnTaker(app.identity()))), "127.0.0.1", 0);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium())
                        .setHeadless(true));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        server.stop();
        app.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A fresh browser signed in as {@code login} through the sign-in form, on the page it was sent to. */
    private static Page signedIn(String login, List<String> problems) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))
                .newPage();
        page.onDialog(d -> {
            problems.add("a dialog opened: " + d.message());
            d.dismiss();
        });
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                problems.add("console error: " + m.text());
            }
        });
        page.navigate(base() + "/");
        assertThat(page.url()).as("no session: sent to sign in").contains("/login");
        page.fill("input[name=login]", login);
        page.fill("input[name=password]", PASSWORD);
        page.click("button:has-text('Sign in')");
        page.waitForLoadState();
        assertThat(page.url()).as(page.content()).isEqualTo(base() + "/");
        return page;
    }

    @Test
    @Order(1) // before a task's promise takes Harbor Foods off the queue
    void aCollectorSignsInAndReadsTodaysWorklistWithWhyAndWhen() throws Exception {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("sam@northwind.example", problems);
        Response reload = page.reload();

        assertThat(reload.headers().get("content-security-policy")).contains("script-src 'self'");
        assertThat(page.textContent("h1")).isEqualTo("Today, 2026-11-23");
        assertThat(page.textContent("header.top")).contains("Sam Ortiz", "collector", "northwind");
        assertThat(page.locator("table.queue tbody tr").count()).isEqualTo(3);
        assertThat(page.textContent("table.queue")).contains("Blue Fern Bistro", "INV-1041", "$18,420.00");
        // the book's text stays text: the customer named like a script is shown, not run
        assertThat(page.textContent("table.queue")).contains("<script>alert('x')</script> Supply");
        assertThat(page.textContent(".capacity")).contains("2 people × 15 touches a day", "30 touches");

        page.locator("table.queue tbody tr").first().locator("summary").click();
        assertThat(page.locator("table.queue tbody tr")
                        .first()
                        .locator("details li")
                        .first()
                        .isVisible())
                .isTrue();
        assertThat(page.locator("table.queue tbody tr").first().textContent()).contains("priority");
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SHOTS.resolve("today.png")).setFullPage(true));

        assertThat(problems)
                .as("dialogs and console errors (a CSP violation is one)")
                .isEmpty();
        page.context().close();
    }

    @Test
    void anAccountIsFoundByItsInvoiceAndItsPageShowsWhatIsOwedAndWhoToReach() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);

        page.click("nav >> text=Accounts");
        page.fill("input[name=q]", "INV-1041");
        page.click("button:has-text('Search')");
        assertThat(page.textContent("table.hits")).contains("Blue Fern Bistro", "C-1041", "invoice INV-1041");
        page.click("table.hits >> text=Blue Fern Bistro");

        assertThat(page.textContent("h1")).contains("Blue Fern Bistro", "C-1041");
        assertThat(page.textContent("p.facts")).contains("$18,420.00", "risk", "probability indicator, not a verdict");
        assertThat(page.textContent("table.invoices")).contains("INV-1041", "53 days", "open");
        assertThat(page.textContent("table.aging")).contains("$18,420.00");
        assertThat(page.locator("section[aria-labelledby=contacts]").textContent())
                .contains("Maria Garcia", "ap@bluefern.example");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("account.png"))
                .setFullPage(true));

        page.navigate(base() + "/accounts?q="
                + java.net.URLEncoder.encode("<script>", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.textContent("table.hits")).contains("<script>alert('x')</script> Supply");
        assertThat(page.navigate(base() + "/accounts/C-9999").status()).isEqualTo(404);
        assertThat(problems.stream().filter(p -> !p.contains("404"))).isEmpty();
        page.context().close();
    }

    @Test
    void aCollectorWorksATaskToADispositionThatKeepsTheAgentOffTheAccountUntilThePromisedDay() {
        // the batch leaves an account to a person as it does for a high-value follow-up
        app.outreachLog()
                .handOff(TENANT, CustomerKey.of("C-3003"), "call_debtor", "personal follow-up (high value): INV-3003");
        List<String> problems = new ArrayList<>();
        Page page = signedIn("sam@northwind.example", problems);
        var row = page.locator("table.tasks tbody tr", new Page.LocatorOptions().setHasText("INV-3003"));
        assertThat(row.textContent()).contains("call debtor", "Harbor Foods", "nobody");
        // what the list is ordered by, on the row: the past-due balance and how much of it acting now can recover
        assertThat(row.textContent()).contains("at stake: $960.00 past due, 33 days: ", "% recoverable");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("task-open.png"))
                .setFullPage(true));
        row.locator("button:has-text('Take it')").click();
        page.locator("table.tasks tbody tr:has-text('INV-3003') button:has-text('Give back')")
                .waitFor();
        assertThat(page.textContent("table.tasks tbody tr:has-text('INV-3003')"))
                .contains("sam@northwind.example");
        // the task, and the accounts the rules keep for a person (one, since the rules test)
        int forPeople = page.locator("table.queue tbody tr.person").count();
        assertThat(page.textContent(".capacity")).contains("waiting for a person today: " + (1 + forPeople));

        // a promise without its date is refused in the row, and nothing is recorded
        row.locator("select[name=outcome]").selectOption("promised");
        row.locator("button:has-text('Close task')").click();
        page.locator("table.tasks [role=alert]").waitFor();
        assertThat(page.textContent("table.tasks [role=alert]")).contains("needs a date");
        assertThat(one(
                        "select count(*) from dispositions where tenant_id = :t and customer_key = 'C-3003'",
                        Long.class))
                .isZero();

        row = page.locator("table.tasks tbody tr", new Page.LocatorOptions().setHasText("INV-3003"));
        row.locator("select[name=outcome]").selectOption("promised");
        row.locator("input[name=on]").fill("2026-11-27");
        row.locator("input[name=note]").fill("paying Friday after payroll");
        row.locator("button:has-text('Close task')").click();
        page.locator("table.tasks [role=status]").waitFor();
        assertThat(page.textContent("table.tasks [role=status]"))
                .contains("Reached: promised to pay (Fri 27 Nov)", "paying Friday after payroll")
                .contains("recorded on the account and sent to the CRM, by sam@northwind.example");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("task-closed.png"))
                .setFullPage(true));

        assertThat(one(
                        "select payment_status || ' ' || expected_payment_date || ' ' || decided_by from dispositions"
                                + " where tenant_id = :t and customer_key = 'C-3003'",
                        String.class))
                .isEqualTo("promised 2026-11-27 sam@northwind.example");
        assertThat(one(
                        "select payload->>'note' from outbox where tenant_id = :t and topic = 'crm'"
                                + " and payload->>'customer' = 'C-3003'",
                        String.class))
                .contains("promised to pay on 2026-11-27", "paying Friday after payroll");
        // the queue keeps the agent off the account until the day after the promise
        page.reload();
        assertThat(page.textContent("table.queue")).doesNotContain("Harbor Foods");
        assertThat(page.locator("section[aria-labelledby=skipped]").textContent())
                .contains("Harbor Foods", "cadence paused", "2026-11-28");
        assertThat(page.textContent("#tasks")).contains("Tasks for people (0)");
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    void anAccountsTimelineShowsTheEmailsTextsAndCallWithItsTranscript() throws Exception {
        CustomerKey key = CustomerKey.of("C-1041");
        Customer customer = app.ledger().customer(TENANT, key).orElseThrow();
        // the agent's first email, and the debtor's reply handled by the agent's own desk, grounded in the account
        app.reindex(TENANT, List.of(key), n -> {});
        ConversationId email = remind(customer, "Hello Maria, invoice INV-1041 for $18,420.00 is 53 days past due.");
        reply(email, "We can pay the full balance on Friday.");
        // a text
        var sms = app.smsJournal(CLOCK);
        sms.open(
                TENANT,
                key,
                "+15551230001",
                "+15550009999",
                List.of("INV-1041"),
                Optional.of("Blue Fern Bistro: INV-1041 ($18,420.00) is past due. Reply here or STOP."));
        // a call with its transcript
        var voice = app.voiceJournal();
        ConversationId call = voice.open(TENANT, key, List.of("INV-1041"), NOW);
        voice.started(TENANT, "CA0001", call, NOW);
        voice.line(TENANT, "CA0001", "agent", "Hello, this is an AI assistant calling for Northwind.", NOW);
        voice.line(TENANT, "CA0001", "debtor", "Yes, we pay on Friday.", NOW);
        voice.ended(TENANT, "CA0001", "promise_confirmed", NOW);

        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);
        page.navigate(base() + "/accounts/C-1041");

        String timeline = page.textContent("ol.timeline");
        assertThat(timeline)
                .contains("Email to ap@bluefern.example", "53 days past due")
                .contains("Email from", "We can pay the full balance on Friday.")
                .contains("Text to +15551230001", "Reply here or STOP.")
                .contains("Call: promise confirmed", "Transcript (2 lines)")
                .contains("Disposition: promised")
                .contains("Rested on:");
        // a note from the page joins the timeline at once
        page.fill("form.note textarea[name=text]", "Spoke to Maria: <b>the check</b> goes out Friday.");
        page.click("form.note button");
        page.locator("ol.timeline li.note").first().waitFor();
        assertThat(page.locator("ol.timeline li.note").first().textContent())
                .contains(
                        "Note by dana@northwind.example in console",
                        "Spoke to Maria: <b>the check</b> goes out Friday.");
        page.locator("details.transcript summary").first().click();
        assertThat(page.locator("details.transcript li").first().textContent())
                .isEqualTo("Agent: Hello, this is an AI assistant calling for Northwind.");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("timeline.png"))
                .setFullPage(true));
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    void aManagerApprovesAnEditedPlanAfterTermsBeyondHerLimitAreRefusedInTheCard() throws Exception {
        // the debtor refuses the agent's counter-offer: policy leaves it to the AR manager
        Customer customer =
                app.ledger().customer(TENANT, CustomerKey.of("C-2002")).orElseThrow();
        ConversationId c = remind(customer, "Hello, invoice INV-2002 for $4,200.00 is 83 days past due.");
        reply(c, "We can only do $100 a month for the next year.");
        reply(c, "No, that is too much for us right now, we can't.");
        assertThat(one("select status || ' ' || approver from approvals where tenant_id = :t", String.class))
                .isEqualTo("pending ar_manager");

        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);
        page.click("nav >> text=Approvals");
        var card = page.locator("article.approval.pending");
        assertThat(card.count()).isEqualTo(1);
        assertThat(card.textContent())
                .contains("<script>alert('x')</script> Supply", "Total open on the account", "$4,200.00")
                .contains("Proposed", "Against policy", "Limits", "They wrote:", "Decide by");

        // terms beyond what anyone may approve: refused in the card, nothing agreed
        card.locator("details.edit summary").click();
        String amounts = card.locator("input[name=amounts]").inputValue();
        card.locator("input[name=dates]")
                .fill(String.join(", ", java.util.Collections.nCopies(amounts.split(",").length - 1, "2026-12-15"))
                        + (amounts.contains(",") ? ", " : "") + "2029-11-30");
        card.locator("details.edit button").click();
        page.locator("article.approval [role=alert]").waitFor();
        assertThat(page.textContent("article.approval [role=alert]")).isNotBlank();
        assertThat(page.locator("article.approval.pending").count()).isEqualTo(1);
        assertThat(one(
                        "select count(*) from promises p join conversations c using (tenant_id, conversation_id)"
                                + " where p.tenant_id = :t and c.customer_key = 'C-2002'",
                        Long.class))
                .isZero();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("approval-refused.png"))
                .setFullPage(true));

        // her own words go through the same checks as the agent's: without the AI disclosure they are refused
        card = page.locator("article.approval.pending");
        card.locator("details.edit summary").click();
        card.locator("textarea[name=text]").fill("Fine, we agree to your plan.");
        card.locator("details.edit button").click();
        page.locator("article.approval [role=alert]:has-text('disclosure')").waitFor();
        assertThat(page.locator("article.approval.pending").count()).isEqualTo(1);

        // the plan with its first payment a few days sooner, in the agent's words: approved as edited
        card = page.locator("article.approval.pending");
        card.locator("details.edit summary").click();
        String dates = card.locator("input[name=dates]").inputValue();
        card.locator("input[name=dates]").fill(dates.replaceFirst("^\\d{4}-\\d{2}-\\d{2}", "2026-11-27"));
        card.locator("details.edit button").click();
        page.locator("article.approval.decided").waitFor();
        assertThat(page.textContent("article.approval [role=status]")).contains("Decided: edited");
        assertThat(page.textContent("article.approval.decided")).contains("Edited by dana@northwind.example");
        assertThat(one("select status || ' ' || decided_by from approvals where tenant_id = :t", String.class))
                .startsWith("edited dana@northwind.example");
        page.setViewportSize(390, 844);
        page.navigate(base() + "/approvals");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("approvals-phone.png"))
                .setFullPage(true));
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    void aBrokenFileShowsItsHealthReportAndIsNotImportedThenAGoodOneIsAndJoinsTheHistory(@TempDir Path dir)
            throws Exception {
        Path broken = dir.resolve("customers-broken.csv");
        Files.writeString(broken, """
                customer_id,name,email
                C-90,Good Diner,ap@good.example
                C-91,,ap@noname.example
                C-92,<b>Bold</b> Cafe,ap@bold.example
                """);
        Path good = dir.resolve("customers.csv");
        Files.writeString(good, """
                customer_id,name,email
                C-90,Good Diner,ap@good.example
                C-93,Corner Bakery,ap@corner.example
                """);
        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);
        page.click("nav >> text=Imports");
        assertThat(page.textContent("#history")).contains("History");

        page.setInputFiles("input[name=file]", broken);
        page.selectOption("select[name=kind]", "customers");
        page.click("button:has-text('Check the file')");
        page.locator("div.health").waitFor();
        String report = page.textContent("div.health");
        assertThat(report)
                .contains("customers-broken.csv", "Too many required cells are empty")
                .contains("3 data rows, 2 valid, 1 invalid; required cells empty: 16.7 %")
                .contains("Invalid rows", "required value is missing");
        assertThat(page.locator("button:has-text('Import the 2 valid rows')").isVisible())
                .isTrue();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("import-health.png"))
                .setFullPage(true));
        page.click("button:has-text(\"Don't import\")");
        assertThat(page.textContent("#import-result")).contains("nothing was written");
        assertThat(app.ledger().customer(TENANT, CustomerKey.of("C-90"))).isEmpty();

        page.setInputFiles("input[name=file]", good);
        page.selectOption("select[name=kind]", "customers");
        page.click("button:has-text('Check the file')");
        page.locator("button:has-text('Import it')").click();
        page.locator("#import-result [role=status]").waitFor();
        assertThat(page.textContent("#import-result [role=status]")).contains("Imported: 2 new");
        assertThat(app.ledger().customer(TENANT, CustomerKey.of("C-93")).map(c -> c.name()))
                .contains("Corner Bakery");

        page.reload();
        assertThat(page.textContent("table.imports")).contains("customers.csv", "dana@northwind.example", "2 new");
        assertThat(page.textContent("table.imports")).doesNotContain("customers-broken.csv");
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    void aCollectorTakesAnAccountOverAndTheAgentLeavesItToHerUntilSheHandsItBack() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("sam@northwind.example", problems);
        page.navigate(base() + "/accounts/C-1041");
        assertThat(page.textContent("#hold")).contains("The agent collects on this account.");

        page.click("#hold button:has-text('Take over')");
        page.locator("#hold.taken_over").waitFor();
        assertThat(page.textContent("#hold [role=status]"))
                .contains("Taken over by sam@northwind.example", "the agent sends nothing on this account");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("taken-over.png"))
                .setFullPage(true));
        page.navigate(base() + "/");
        assertThat(page.textContent("section[aria-labelledby=queue]")).doesNotContain("Blue Fern Bistro");
        assertThat(page.locator("section[aria-labelledby=skipped]").textContent())
                .contains("Blue Fern Bistro", "taken over by sam@northwind.example");

        page.navigate(base() + "/accounts/C-1041");
        page.click("#hold button:has-text('Hand back to the agent')");
        page.locator("#hold.collecting").waitFor();
        assertThat(page.textContent("#hold [role=status]")).contains("The agent collects on this account.");
        page.navigate(base() + "/");
        // back on the agent's side: queued, or left out only for what the rules say (a promise made elsewhere)
        assertThat(page.textContent("main")).contains("Blue Fern Bistro").doesNotContain("taken over by");
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    @Order(2) // early, while the agent still reaches accounts itself today (the other tests contact them)
    void aManagerChangesARuleSeesThePreviewSavesItAndFindsItInTheHistoryAndTheQueue() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);
        // an account the agent reaches itself today (which one depends on what the other tests did)
        var row = page.locator("table.queue tbody tr:not(.person)").first();
        String key = row.locator("td small").first().textContent().strip();
        String name = row.locator("td b").first().textContent().strip();
        page.navigate(base() + "/rules");
        assertThat(page.textContent("main")).contains("In force: version 0", "Negotiation policy");

        // a bad value is named beside its setting, and nothing is saved
        page.fill("#f-contact-window_from", "25:00");
        page.click("button:has-text('Preview today')");
        page.locator("#rules-answer [role=alert]").waitFor();
        assertThat(page.textContent("#rules-answer"))
                .contains("cannot be saved", "contact-window.from", "a time of day like 08:00");
        page.fill("#f-contact-window_from", "08:00");

        // "this customer: a person only"
        page.fill("#f-new-customer_id", key);
        page.selectOption("#f-new-customer_channel", "human");
        page.fill("#f-new-customer_note", "the owner asked for a person");
        page.click("button:has-text('Preview today')");
        page.locator("#rules-answer table.moves").first().waitFor();
        assertThat(page.textContent("#rules-answer"))
                .contains("customers." + key + ".channel", "Channel changed: 1", name, "by human");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("rules-preview.png"))
                .setFullPage(true));

        page.click("button:has-text('Project the quarter')");
        page.locator("table.projected").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(page.textContent("table.projected")).contains("Collected", "DSO", "Human touches");

        page.fill("input[name=comment]", "the owner wants a person");
        page.click("button:has-text('Save as version 1')");
        page.locator("section.rules-answer.saved").waitFor();
        assertThat(page.textContent("#rules-answer")).contains("Saved as version 1");
        // the form goes on from the version it became: a second change saves as version 2 without a reload
        assertThat(page.textContent("#in-force")).contains("version 1");
        page.fill("#f-caps_sms_days", "8");
        page.fill("input[name=comment]", "texts a little less often");
        page.click("button:has-text('Save as version 2')");
        page.locator("#rules-answer [data-saved-version='2']").waitFor();

        page.navigate(base() + "/rules/history");
        assertThat(page.textContent("ol.versions"))
                .contains(
                        "Version 2 — dana@northwind.example",
                        "caps.sms.days",
                        "Version 1 — dana@northwind.example",
                        "the owner wants a person",
                        "customers." + key + ".channel",
                        "human");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("rules-history.png"))
                .setFullPage(true));

        // the queue plans with it: the customer waits for a person now
        page.navigate(base() + "/");
        assertThat(page.locator("table.queue tbody tr.person").allTextContents())
                .anySatisfy(t -> assertThat(t).contains(name, key));
        assertThat(app.queueRules(TENANT).customers().get(CustomerKey.of(key)).channel())
                .contains(dev.aragent.agent.queue.Reach.HUMAN);
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    void theReportShowsTheHeadlineFiguresAndTheQuarterWeekByWeekInCharts() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);
        page.navigate(base() + "/report");

        assertThat(page.textContent(".tiles"))
                .contains(
                        "Open receivables",
                        "DSO",
                        "CEI",
                        "Promise-to-pay conversion",
                        "Promises kept",
                        "Human touches");
        assertThat(page.locator("svg[aria-label='cash collected by week']").count())
                .isEqualTo(1);
        assertThat(page.locator("svg[aria-label='touches by week'] rect").count())
                .isPositive();
        assertThat(page.locator("table.weeks tbody tr").count()).isEqualTo(13);
        // the book's text stays text in the charts' page too
        assertThat(page.content()).doesNotContain("<script>alert");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("report.png"))
                .setFullPage(true));
        assertThat(problems).as("a CSP violation is a console error").isEmpty();
        page.context().close();
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the batch it runs contacts the accounts the other tests read
    void theLastBatchRunShowsItsStepsWithCountsAndTheAccountsEachStepNamedAndWhy() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);
        page.navigate(base() + "/workflow");
        assertThat(page.textContent("main")).contains("No batch has run yet");

        var pass = dev.aragent.server.Scheduler.tasksOnly(app).runOnce(TENANT, false, 100);
        page.navigate(base() + "/workflow");

        assertThat(page.locator("ol.workflow > li").count()).isEqualTo(8);
        assertThat(page.textContent("ol.workflow > li:nth-child(1) summary")).contains("Pull overdue invoices", "3 in");
        // by now the other tests have left every account promised, held or contacted: the steps say which and why
        assertThat(page.textContent("ol.workflow > li:nth-child(4) summary"))
                .contains("Risk and priority", pass.report().planned() + " in");
        assertThat(page.textContent("ol.workflow > li:nth-child(7) summary"))
                .contains("Actions", pass.report().executed() + " on");
        page.click("ol.workflow > li:nth-child(2) summary");
        assertThat(page.textContent("ol.workflow > li:nth-child(2) table")).contains("Harbor Foods", "promise");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("workflow.png"))
                .setFullPage(true));
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // late: the dispute it records keeps the agent off the account
    void aCollectorLogsACallOnTheAccountAndItJoinsTheTimelineAsItsDisposition() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("sam@northwind.example", problems);
        page.navigate(base() + "/accounts/C-1041");

        page.selectOption("form.log-call select[name=outcome]", "disputed");
        page.click("form.log-call button");
        page.locator("#timeline-section [role=alert]").waitFor();
        assertThat(page.textContent("#timeline-section [role=alert]")).contains("note");

        page.selectOption("form.log-call select[name=outcome]", "disputed");
        page.fill("form.log-call input[name=note]", "the last case arrived damaged; wants a credit");
        page.click("form.log-call button");
        page.locator("#timeline-section ol.timeline li:has-text('the last case arrived damaged')")
                .first()
                .waitFor();
        assertThat(page.locator("#timeline-section [role=alert]").count()).isZero();
        assertThat(one(
                        "select payment_status from dispositions where tenant_id = :t and customer_key = 'C-1041'"
                                + " and decided_by = 'sam@northwind.example' order by created_at desc limit 1",
                        String.class))
                .isEqualTo("disputed");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("call-logged.png"))
                .setFullPage(false));

        // a statement of what is open, emailed now: checked and queued like every email, shown in the timeline
        var emails = page.locator("#timeline-section ol.timeline > li.email");
        int before = emails.count();
        page.click("form.statement button");
        page.waitForCondition(() -> emails.count() > before);
        assertThat(page.locator("#timeline-section [role=alert]").count()).isZero();
        assertThat(emails.first().textContent()).contains("ap@bluefern.example", "INV-1041");
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    @Order(Integer.MAX_VALUE - 2) // late: it changes a contact other tests email
    void aCollectorChangesAContactAndAddsOneAndAnOptOutStaysOn() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("sam@northwind.example", problems);
        page.navigate(base() + "/accounts/C-3003");

        var first = page.locator("#contacts-section table.contacts tbody tr").first();
        first.locator("summary").click();
        first.locator("input[name=phone]").fill("555-0100");
        first.locator("button").click();
        page.locator("#contacts-section [role=alert]").waitFor();
        assertThat(page.textContent("#contacts-section [role=alert]")).contains("E.164");

        first = page.locator("#contacts-section table.contacts tbody tr").first();
        first.locator("summary").click();
        first.locator("input[name=phone]").fill("+1 555 010 0199");
        first.locator("input[name=email_opt_out]").check();
        first.locator("button").click();
        page.locator("#contacts-section td:has-text('+15550100199')").waitFor();
        assertThat(page.textContent("#contacts-section table.contacts")).contains("no email (opted out)");

        page.click("#contacts-section > details summary");
        var add = page.locator("#contacts-section > details form");
        add.locator("input[name=name]").fill("<b>Jo</b> Finance");
        add.locator("input[name=email]").fill("jo@harbor.example");
        add.locator("button").click();
        page.locator("#contacts-section td:has-text('jo@harbor.example')").waitFor();
        // a name that looks like markup stays text
        assertThat(page.textContent("#contacts-section table.contacts")).contains("<b>Jo</b> Finance");

        // the opted-out contact's form offers no way to lift the opt-out
        first = page.locator(
                "#contacts-section table.contacts tbody tr", new Page.LocatorOptions().setHasText("+15550100199"));
        first.locator("summary").click();
        assertThat(first.locator("input[name=email_opt_out]").count()).isZero();
        assertThat(first.textContent()).contains("only the debtor lifts it");
        assertThat(app.ledger()
                        .customer(TENANT, CustomerKey.of("C-3003"))
                        .orElseThrow()
                        .contacts())
                .filteredOn(k -> k.phone().equals(Optional.of("+15550100199")))
                .singleElement()
                .satisfies(k -> assertThat(k.emailOptOut()).isTrue());
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("contacts.png"))
                .setFullPage(true));
        assertThat(problems).isEmpty();
        page.context().close();
    }

    /** The agent's first email to the customer's first contact about its open invoices. */
    private static ConversationId remind(Customer customer, String body) {
        return app.replyDesk()
                .remind(
                        TENANT,
                        customer,
                        customer.contacts().getFirst(),
                        app.ledger().invoices(TENANT, InvoiceStatus.OPEN).stream()
                                .filter(i -> i.customer().equals(customer.key()))
                                .toList(),
                        body);
    }

    private static int replies;

    /** The debtor answers in {@code conversation}; the agent's own desk handles the reply. */
    private static void reply(ConversationId conversation, String text) {
        var desk = app.replyDesk();
        var thread = app.mailJournal().thread(TENANT, conversation);
        String to = desk.settings().replyAddress(thread.replyToken());
        int n = ++replies;
        String mail = "From: <" + thread.contactEmail().orElseThrow() + ">\r\nTo: " + to
                + "\r\nSubject: Re: " + thread.subject() + "\r\n"
                + "Message-ID: <r" + n + "@debtor.example>\r\nDate: Mon, 23 Nov 2026 09:30:00 -0500\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
        desk.receive(TENANT, new RawEmail("INBOX", 1, n, mail.getBytes(StandardCharsets.UTF_8), NOW));
    }

    private static <T> T one(String sql, Class<T> type) {
        return app.database()
                .jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind("t", TENANT.value()).mapTo(type).one());
    }

    @Test
    @Order(Integer.MAX_VALUE - 3) // late: the receipts it applies reduce invoices other tests read (none is paid off)
    void aManagerTakesABankFileInAppliesAReceiptTheAgentWasNotSureOfAndSetsAnotherAside(@TempDir Path dir)
            throws Exception {
        Path bank = dir.resolve("ops-november.csv");
        Files.writeString(bank, """
                date,amount,currency,name,account,text,reference
                2026-11-20,400.00,USD,HARBOR FOODS,US12BANK0001,part payment,B-77
                2026-11-21,55.00,USD,<img src=x onerror=alert(1)> Traders,US99BANK0002,refund 7781,B-78
                2026-11-21,-12.00,USD,Bank,,monthly fee,B-79
                """);
        List<String> problems = new ArrayList<>();
        Page collector = signedIn("sam@northwind.example", problems);
        Page page = signedIn("dana@northwind.example", problems);
        page.click("nav >> text=Imports");

        page.setInputFiles("input[name=file]", bank);
        page.selectOption("select[name=kind]", "bank");
        page.click("button:has-text('Check the file')");
        page.locator("table.statements").waitFor();
        assertThat(page.textContent("div.health"))
                .contains("ops-november.csv", "csv:generic", "csv:ops-november", "$455.00", "$12.00");
        assertThat(one("select count(*) from bank_lines where tenant_id = :t", Long.class))
                .as("checking writes nothing")
                .isZero();
        page.locator("button:has-text('Import it')").click();
        page.locator("#import-result [role=status]").waitFor();
        assertThat(page.textContent("#import-result [role=status]"))
                .contains("Imported: 3 new entries", "The agent applied 0 receipts; 2 wait for a person");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("bank-import.png"))
                .setFullPage(true));

        page.reload();
        assertThat(page.textContent("table.imports"))
                .contains("bank", "ops-november.csv", "csv:generic", "3 entries", "3 new, 0 already in the cash book");
        page.setInputFiles("input[name=file]", bank);
        page.selectOption("select[name=kind]", "bank");
        page.click("button:has-text('Check the file')");
        page.locator("button:has-text('Import it')").click();
        page.locator("#import-result [role=status]").waitFor();
        assertThat(page.textContent("#import-result [role=status]"))
                .contains("Unchanged: this file was imported before; nothing was written.");
        page.click("text=Open unapplied cash");
        page.waitForURL("**/cash");
        var harbor = page.locator("article.receipt:has-text('HARBOR FOODS')");
        assertThat(harbor.textContent()).contains("$400.00", "part payment", "Harbor Foods", "INV-3003");
        var traders = page.locator("article.receipt:has-text('Traders')");
        assertThat(traders.locator("h3").textContent()).contains("<img src=x onerror=alert(1)> Traders");
        assertThat(page.textContent("table.tally")).contains("Waiting for a person");
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SHOTS.resolve("cash.png")).setFullPage(true));

        harbor.locator("button:has-text('Apply this way')").first().click();
        page.locator("article.receipt:has-text('HARBOR FOODS') [role=status]").waitFor();
        assertThat(page.textContent("article.receipt:has-text('HARBOR FOODS') [role=status]"))
                .contains("Done: paid INV-3003 (400.00)");
        traders.locator("input[name=reason]").fill("a supplier's refund, not a customer's payment");
        traders.locator("button:has-text('Set aside')").click();
        page.locator("article.receipt:has-text('Traders') [role=status]").waitFor();
        assertThat(page.textContent("article.receipt:has-text('Traders')")).contains("set aside: a supplier's refund");
        assertThat(app.ledger()
                        .accountFile(TENANT, CustomerKey.of("C-3003"))
                        .invoices()
                        .getFirst()
                        .openBalance())
                .isEqualTo(dev.aragent.agent.ledger.Money.of(56_000, "USD"));

        page.reload();
        assertThat(page.textContent("main")).contains("No receipt waits for a person.");
        assertThat(page.textContent("table.tally")).contains("Applied by a person", "$400.00", "$55.00");
        collector.navigate(base() + "/cash");
        assertThat(collector.textContent("main")).contains("Cash application");
        assertThat(collector.locator("button:has-text('Set aside')").count()).isZero();
        assertThat(problems).isEmpty();
        page.context().close();
        collector.context().close();
    }

    @Test
    void signingOutEndsTheSessionAndTheWorklistAsksToSignInAgain() {
        List<String> problems = new ArrayList<>();
        Page page = signedIn("dana@northwind.example", problems);

        page.click("button:has-text('Sign out')");
        page.waitForURL("**/login**");
        page.navigate(base() + "/");

        assertThat(page.url()).contains("/login");
        assertThat(problems).isEmpty();
        page.context().close();
    }
}
