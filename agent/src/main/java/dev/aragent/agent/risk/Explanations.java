package dev.aragent.agent.risk;

import dev.aragent.agent.ledger.AgingBucket;
import java.util.Locale;

/** Model inputs in the words an AR manager uses. */
final class Explanations {
    private Explanations() {}

    static String words(Column column, double v) {
        if (Double.isNaN(v)) {
            return unknown(column.name());
        }
        long n = Math.round(v);
        return switch (column.name()) {
            case Features.AMOUNT -> "invoice of " + String.format(Locale.ROOT, "%,.2f", v);
            case Features.DAYS_PAST_DUE ->
                n > 0 ? n + " days past due" : n == 0 ? "due today" : "due in " + (-n) + " days";
            case Features.AGING -> "in the " + AgingBucket.values()[(int) n].label() + " aging bucket";
            case Features.TENURE ->
                n >= 365
                        ? String.format(Locale.ROOT, "customer for %.1f years", v / 365.0)
                        : "customer for only " + n + " days";
            case Features.SHARE_LATE -> String.format(Locale.ROOT, "paid %.0f%% of past invoices late", v * 100);
            case Features.MEAN_LATE -> String.format(Locale.ROOT, "pays %.0f days late on average", v);
            case Features.TREND ->
                v >= 0
                        ? String.format(Locale.ROOT, "paying %.0f days later than before", v)
                        : String.format(Locale.ROOT, "paying %.0f days sooner than before", -v);
            case Features.PRIOR -> plural(n, "invoice") + " settled before";
            case Features.DISPUTES -> n == 0 ? "no disputes" : plural(n, "dispute") + " on record";
            case Features.BROKEN_60 ->
                n == 0
                        ? "no broken promises in the last 60 days"
                        : plural(n, "broken promise") + " in the last 60 days";
            case Features.SINCE_BROKEN -> "last promise broken " + n + " days ago";
            case Features.KEPT -> n == 0 ? "no promises kept yet" : plural(n, "promise") + " kept";
            case Features.LAST_OUTCOME ->
                "last contact ended: " + column.level(v).replace('_', ' ');
            case Features.UNANSWERED -> n == 0 ? "answers our messages" : plural(n, "message") + " without an answer";
            case Features.BALANCE_LIMIT -> String.format(Locale.ROOT, "balance at %.0f%% of the credit limit", v * 100);
            case Features.OPEN_COUNT -> plural(n, "open invoice");
            case Features.SEGMENT -> "segment: " + column.level(v);
            case Features.METHOD -> "usually pays by " + column.level(v);
            case Features.CREDIT_MEMO -> n > 0 ? "a credit memo is pending" : "no credit memo pending";
            case Features.TONE ->
                v < -0.2
                        ? "recent notes and tickets sound negative"
                        : v > 0.2
                                ? "recent notes and tickets sound positive"
                                : "recent notes and tickets sound neutral";
            case Features.SINCE_PAYMENT -> "last payment " + n + " days ago";
            case Features.RECENT_LATE ->
                v > 0.5
                        ? String.format(Locale.ROOT, "paid the last invoices %.0f days late on average", v)
                        : "paid the last invoices on time";
            case Features.AMOUNT_USUAL ->
                v >= 1.5
                        ? String.format(Locale.ROOT, "%.1f× the customer's usual invoice", v)
                        : v <= 0.67
                                ? String.format(Locale.ROOT, "smaller than the customer's usual invoice (%.1f×)", v)
                                : "about the customer's usual invoice";
            case Features.DUE_MONTH ->
                "due in " + java.time.Month.of((int) n).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            default ->
                column.categorical()
                        ? column.name() + " = " + column.level(v)
                        : column.name() + " = " + String.format(Locale.ROOT, "%.4g", v);
        };
    }

    private static String unknown(String name) {
        return switch (name) {
            case Features.SHARE_LATE, Features.MEAN_LATE, Features.PRIOR, Features.RECENT_LATE ->
                "no payment history yet";
            case Features.AMOUNT_USUAL -> "first invoice to this customer";
            case Features.TREND -> "too little history for a trend";
            case Features.SINCE_BROKEN -> "no broken promises";
            case Features.BALANCE_LIMIT -> "no credit limit on file";
            case Features.TONE -> "no recent notes or tickets";
            case Features.SINCE_PAYMENT -> "no payment received yet";
            case Features.LAST_OUTCOME -> "not contacted yet";
            default -> name + " unknown";
        };
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
