package dev.aragent.console;

import dev.aragent.agent.app.RulesDesk;
import dev.aragent.agent.rules.RuleSheet;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules page: the queue rules and the negotiation policy as a form whose fields are named as the settings they set,
 * in sections an AR manager reads (when and how often, who is left out, what comes first, segments, customers, the
 * policy per tenant, segment and customer), each field with what is wrong with it when a draft was refused.
 */
public record RulesView(
        Who who,
        int version,
        String savedBy,
        String savedAt,
        boolean mayChange,
        List<Section> sections,
        List<String> unplaced) {

    /** A part of the form. */
    public record Section(String id, String title, String hint, List<Group> groups) {}

    /** Fields that belong together; {@code remove} names the setting a "remove" box drops ("" when none). */
    public record Group(String title, String remove, List<Field> fields) {}

    /** One field: the setting it sets, its label and value, its kind (time, text, number, list, select). */
    public record Field(
            String key, String label, String value, String kind, List<Option> options, String error, String hint) {
        /** The element id (a setting's dots are no trouble in a name, but are in a selector). */
        public String id() {
            return "f-" + key.replaceAll("[^A-Za-z0-9_-]", "_");
        }

        public boolean invalid() {
            return !error.isEmpty();
        }
    }

    /** A choice of a select. */
    public record Option(String value, String label, boolean selected) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** The page for {@code rules} in force, showing {@code sheet} (the rules, or a refused draft) and its problems. */
    public static RulesView of(
            Who who,
            RulesDesk.Rules rules,
            RuleSheet sheet,
            List<RuleSheet.Problem> problems,
            boolean mayChange,
            ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(p.key(), p.message(), (a, b) -> a + "; " + b));
        Builder b = new Builder(sheet, errors);
        List<Section> sections = List.of(b.when(), b.leftOut(), b.first(), b.segments(), b.customers(), b.policies());
        List<String> unplaced = new ArrayList<>();
        errors.forEach((key, message) -> {
            if (!b.placed.contains(key)) {
                unplaced.add(key.isEmpty() ? message : key + ": " + message);
            }
        });
        return new RulesView(
                who,
                rules.version(),
                rules.saved().map(v -> v.by()).orElse(""),
                rules.saved().map(v -> WHEN.format(v.at().atZone(zone))).orElse(""),
                mayChange,
                sections,
                unplaced);
    }

    private static final class Builder {
        private final RuleSheet sheet;
        private final Map<String, String> errors;
        final TreeSet<String> placed = new TreeSet<>();

        Builder(RuleSheet sheet, Map<String, String> errors) {
            this.sheet = sheet;
            this.errors = errors;
        }

        Field field(String key, String label, String kind, String hint) {
            return field(key, label, kind, List.of(), hint);
        }

        Field field(String key, String label, String kind, List<String[]> choices, String hint) {
            placed.add(key);
            // a list's items are checked one by one: their problems show on the list's field
            List<String> mine = errors.keySet().stream()
                    .filter(k -> k.equals(key) || (RuleSheet.isList(key) && k.startsWith(key + ".")))
                    .toList();
            placed.addAll(mine);
            String error = String.join("; ", mine.stream().map(errors::get).toList());
            String value = sheet.field(key);
            List<Option> options = choices.stream()
                    .map(c -> new Option(c[0], c[1], c[0].equalsIgnoreCase(value)))
                    .toList();
            return new Field(key, label, value, kind, options, error, hint);
        }

        Field yesNo(String key, String label) {
            return field(key, label, "select", List.of(new String[] {"true", "yes"}, new String[] {"false", "no"}), "");
        }

        Section when() {
            List<Group> groups = new ArrayList<>();
            groups.add(new Group(
                    "Contact window",
                    "",
                    List.of(
                            field("contact-window.from", "From", "time", "in the debtor's own time"),
                            field("contact-window.to", "Until", "time", ""),
                            yesNo("contact-window.business-days-only", "Business days only"),
                            field(
                                    "default-time-zone",
                                    "Time zone",
                                    "text",
                                    "for customers with none on file, and the batch"))));
            List<Field> caps = new ArrayList<>();
            for (String[] c : List.of(
                    new String[] {"email", "Emails"}, new String[] {"sms", "Texts"}, new String[] {"call", "Calls"})) {
                caps.add(field("caps." + c[0] + ".max", c[1] + " at most", "number", ""));
                caps.add(field("caps." + c[0] + ".days", "in days", "number", ""));
            }
            groups.add(new Group("Caps per channel", "", caps));
            groups.add(new Group(
                    "Cadence and batch",
                    "",
                    List.of(
                            field(
                                    "cadence",
                                    "Touch on days",
                                    "list",
                                    "from the due date, comma-separated; negative: before it is due"),
                            field("schedule.days", "Batch runs on", "list", "e.g. monday, thursday"),
                            field("schedule.at", "at", "time", "in the tenant's time zone"))));
            return new Section("when", "When and how often", "", groups);
        }

        Section leftOut() {
            return new Section(
                    "left-out",
                    "Who is left out",
                    "",
                    List.of(new Group(
                            "",
                            "",
                            List.of(
                                    yesNo("skip-when-credit-memo-pending", "Skip accounts with a credit memo pending"),
                                    yesNo("exclude-auto-pay", "Leave auto-pay customers out (tag autopay)")))));
        }

        Section first() {
            return new Section(
                    "first",
                    "What comes first",
                    "Priority = amount^a × risk^r × recoverable^w, times a segment's and a customer's factor.",
                    List.of(new Group(
                            "",
                            "",
                            List.of(
                                    field("weights.amount", "Weight of the amount (a)", "number", ""),
                                    field("weights.risk", "Weight of the risk (r)", "number", ""),
                                    field("weights.recovery", "Weight of what is recoverable (w)", "number", ""),
                                    field(
                                            "high-value",
                                            "High value from",
                                            "number",
                                            "open amount from which a 30-day-late account gets a call"),
                                    field(
                                            "call-minimum",
                                            "Calls from",
                                            "number",
                                            "below it, unanswered messages or broken promises bring a text or an"
                                                    + " email, not a call"),
                                    field(
                                            "call-rest",
                                            "Days between a person's calls",
                                            "number",
                                            "after a person phoned an account, its other calls wait behind accounts"
                                                    + " not phoned (a call asked for keeps its place)")))));
        }

        Section segments() {
            List<Group> groups = new ArrayList<>();
            for (String name : names("segments.")) {
                String p = "segments." + name + ".";
                groups.add(new Group("Segment: " + name, "segments." + name, segmentFields(p)));
            }
            groups.add(new Group("Add a segment rule", "", segmentFields("new-segment.")));
            return new Section(
                    "segments",
                    "Segments",
                    "A factor below 1 puts a segment later in the queue (\"restaurants pay late but pay\"); its own"
                            + " cadence replaces the tenant's.",
                    groups);
        }

        private List<Field> segmentFields(String p) {
            List<Field> f = new ArrayList<>();
            if (p.startsWith("new-")) {
                f.add(field(p + "name", "Segment", "text", "as the customers' segment column says"));
            }
            f.add(field(p + "priority", "Priority factor", "number", ""));
            f.add(field(p + "cadence", "Own cadence", "list", "blank: the tenant's"));
            f.add(field(p + "note", "Why", "text", ""));
            return f;
        }

        Section customers() {
            List<Group> groups = new ArrayList<>();
            for (String id : names("customers.")) {
                groups.add(new Group("Customer: " + id, "customers." + id, customerFields("customers." + id + ".")));
            }
            groups.add(new Group("Add a customer rule", "", customerFields("new-customer.")));
            return new Section(
                    "customers",
                    "Customers",
                    "A customer's own channel (\"this customer: a person only\") and priority factor.",
                    groups);
        }

        private List<Field> customerFields(String p) {
            List<Field> f = new ArrayList<>();
            if (p.startsWith("new-")) {
                f.add(field(p + "id", "Customer number", "text", ""));
            }
            f.add(field(
                    p + "channel",
                    "Channel",
                    "select",
                    List.of(
                            new String[] {"", "the agent decides"},
                            new String[] {"email", "email"},
                            new String[] {"sms", "text"},
                            new String[] {"call", "call"},
                            new String[] {"human", "a person only"}),
                    ""));
            f.add(field(p + "priority", "Priority factor", "number", ""));
            f.add(field(p + "note", "Why", "text", ""));
            return f;
        }

        Section policies() {
            List<Group> groups = new ArrayList<>(policyGroups("policy.", "Every customer", ""));
            for (String name : names("policy.segments.")) {
                groups.addAll(
                        policyGroups("policy.segments." + name + ".", "Segment: " + name, "policy.segments." + name));
            }
            for (String id : names("policy.customers.")) {
                groups.addAll(
                        policyGroups("policy.customers." + id + ".", "Customer: " + id, "policy.customers." + id));
            }
            groups.add(new Group(
                    "Add a policy",
                    "",
                    List.of(
                            field("new-policy.segment", "For the segment", "text", "starts as a copy of the tenant's"),
                            field("new-policy.customer", "or the customer", "text", ""))));
            return new Section(
                    "policy",
                    "Negotiation policy",
                    "What the agent may agree alone, and what a person may approve; beyond that it counters with its"
                            + " best offer. The most specific policy applies: the customer's, else the segment's.",
                    groups);
        }

        private List<Group> policyGroups(String p, String title, String remove) {
            List<String[]> roles =
                    List.of(new String[] {"ar_manager", "AR manager"}, new String[] {"controller", "controller"});
            return List.of(
                    new Group(title + " — the agent alone", remove, limits(p + "auto.")),
                    new Group(title + " — with a person's approval", "", limits(p + "approvable.")),
                    new Group(
                            title + " — terms and approvers",
                            "",
                            List.of(
                                    field(p + "first-payment-within-days", "First payment within days", "number", ""),
                                    field(
                                            p + "first-payment-lead-business-days",
                                            "Lead before a first payment",
                                            "number",
                                            "business days"),
                                    field(p + "immediate-days", "Paying at once means within days", "number", ""),
                                    field(
                                            p + "late-fee-waiver",
                                            "Waive late fees",
                                            "select",
                                            List.of(
                                                    new String[] {"never", "never"},
                                                    new String[] {"on-full-payment", "on full payment"},
                                                    new String[] {"on-plan", "on a plan"}),
                                            ""),
                                    field(p + "approval-above", "A person approves above", "number", "blank: no limit"),
                                    field(p + "approver", "Approver", "select", roles, ""),
                                    field(p + "senior-above", "The senior approver above", "number", ""),
                                    field(p + "senior-approver", "Senior approver", "select", roles, ""))));
        }

        private List<Field> limits(String p) {
            return List.of(
                    field(p + "max-installments", "Installments at most", "number", ""),
                    field(p + "max-plan-days", "Plan over days at most", "number", ""),
                    field(p + "max-promise-days", "One payment within days", "number", ""),
                    field(p + "min-first-payment-percent", "First payment at least %", "number", ""),
                    field(p + "max-discount-percent", "Discount at most %", "number", ""));
        }

        /** The names under a prefix that own settings of their own ({@code segments.NAME.…}). */
        private List<String> names(String prefix) {
            TreeSet<String> out = new TreeSet<>();
            for (String k : sheet.settings().keySet()) {
                if (k.startsWith(prefix)) {
                    String rest = k.substring(prefix.length());
                    if (rest.contains(".")) {
                        out.add(rest.substring(0, rest.indexOf('.')));
                    }
                }
            }
            return List.copyOf(out);
        }
    }
}
