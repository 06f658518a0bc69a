package dev.aragent.agent.cash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CashMatcherTest {
    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);
    private static final CustomerKey ACME = new CustomerKey("C-1");
    private static final CustomerKey BOLT = new CustomerKey("C-2");
    private static final CustomerKey CRANE = new CustomerKey("C-3");

    private final List<Customer> customers = List.of(
            Customer.named(ACME, "Acme Supply Co."),
            Customer.named(BOLT, "Bolt & Nut Distributors LLC"),
            Customer.named(CRANE, "Crane Hospitality Group"));
    private final List<Invoice> open = List.of(
            invoice(ACME, "INV-1041", 0, 1_250_00),
            invoice(ACME, "INV-1043", 5, 480_00),
            invoice(ACME, "INV-1050", 9, 300_00),
            invoice(BOLT, "INV-2001", 2, 900_00),
            invoice(BOLT, "INV-2002", 4, 900_00),
            invoice(CRANE, "INV-3001", 1, 77_70));

    private static Invoice invoice(CustomerKey c, String number, int days, long minor) {
        return Invoice.unpaid(c, number, DAY.plusDays(days), DAY.plusDays(days + 30), Money.of(minor, "USD"), false);
    }

    private static BankTransaction receipt(long minor, String payer, String... text) {
        return new BankTransaction(
                "R-" + minor,
                Money.of(minor, "USD"),
                true,
                false,
                "BOOK",
                Optional.of(DAY.plusDays(40)),
                Optional.of(DAY.plusDays(40)),
                payer,
                "",
                List.of(),
                List.of(text));
    }

    private CashMatch match(BankTransaction t) {
        return new CashMatcher(customers, open, Map.of()).match(t);
    }

    private static List<String> paid(Candidate c) {
        return c.allocations().stream()
                .map(a -> a.invoiceNumber() + "=" + a.amount().toPlainString())
                .toList();
    }

    @Test
    void exactReferencesAndTheirBalanceShouldApplyThemselves() {
        CashMatch m = match(receipt(1_730_00, "ACME SUPPLY", "INV-1041 INV-1043"));

        Candidate best = m.automatic(CashMatcher.AUTO_APPLY).orElseThrow();
        assertThat(best.customer()).isEqualTo(ACME);
        assertThat(paid(best)).containsExactly("INV-1041=1250.00", "INV-1043=480.00");
        assertThat(best.reasons()).anyMatch(r -> r.contains("names INV-1041, INV-1043"));
    }

    @Test
    void numbersWrittenLooselyShouldStillNameTheInvoices() {
        CashMatch m = match(receipt(1_730_00, "ACME", "paying 1041 and #1043 thanks"));

        assertThat(m.advice().invoices()).containsExactly("INV-1041", "INV-1043");
        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isPresent();
    }

    @Test
    void aShortPaymentWithItsStatedDeductionShouldLeaveTheRestOpenWithItsReason() {
        CashMatch m = match(receipt(1_690_00, "Acme", "Paying INV-1041 and INV-1043, less 40.00 for the damaged case"));

        Candidate best = m.automatic(CashMatcher.AUTO_APPLY).orElseThrow();
        assertThat(paid(best)).containsExactly("INV-1041=1250.00", "INV-1043=440.00");
        assertThat(best.deduction()).hasValueSatisfying(d -> {
            assertThat(d.invoice()).isEqualTo("INV-1043");
            assertThat(d.amount()).isEqualTo(Money.of(40_00, "USD"));
            assertThat(d.reason()).contains("damaged case");
            assertThat(d.dispute()).isTrue();
        });
    }

    @Test
    void aReferenceWhoseAmountIsAnotherInvoicesShouldGoToAPerson() {
        CashMatch m = match(receipt(300_00, "Acme Supply", "INV-1043"));

        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isEmpty();
        assertThat(m.best().orElseThrow().reasons()).anyMatch(r -> r.contains("INV-1050"));
    }

    @Test
    void withoutAReferenceTheCustomersNameAndOneFittingInvoiceShouldApply() {
        CashMatch m = match(receipt(480_00, "ACME SUPPLY CO", "payment"));

        Candidate best = m.automatic(CashMatcher.AUTO_APPLY).orElseThrow();
        assertThat(paid(best)).containsExactly("INV-1043=480.00");
    }

    @Test
    void twoInvoicesOfTheSameAmountShouldNeedAPerson() {
        CashMatch m = match(receipt(900_00, "Bolt and Nut Distributors", ""));

        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isEmpty();
        assertThat(m.best().orElseThrow().customer()).isEqualTo(BOLT);
    }

    @Test
    void aNameLikeTheCustomersShouldProposeButNotApply() {
        CashMatch m = match(receipt(77_70, "CRANE HOSPITALTY", ""));

        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isEmpty();
        assertThat(m.best().orElseThrow().customer()).isEqualTo(CRANE);
        assertThat(m.best().orElseThrow().confidence()).isBetween(0.7, 0.95);
    }

    @Test
    void aGroupWrittenShortOrLeftOutShouldStillBeTheCustomersName() {
        assertThat(match(receipt(77_70, "CRANE HOSPITALITY GRP", "")).automatic(CashMatcher.AUTO_APPLY))
                .map(Candidate::customer)
                .contains(CRANE);
        assertThat(match(receipt(77_70, "Crane Hospitality", "")).automatic(CashMatcher.AUTO_APPLY))
                .map(Candidate::customer)
                .contains(CRANE);
    }

    @Test
    void aPayerWhoIsAnotherCustomerShouldDoubtTheInvoiceItNamesAndProposeItsOwn() {
        // Acme pays 77.70, Crane's INV-3001 balance, naming Acme's INV-1041 by a slip of the finger
        CashMatch m = match(receipt(77_70, "Crane Hospitality Group", "INV-1041"));

        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isEmpty();
        assertThat(m.candidates()).extracting(Candidate::customer).contains(CRANE);
    }

    @Test
    void anOverpaymentThatIsExactlyAnotherInvoiceOrFarMoreShouldWaitForAPerson() {
        assertThat(match(receipt(1_250_00, "Acme", "INV-1043")).automatic(CashMatcher.AUTO_APPLY))
                .isEmpty();
        assertThat(match(receipt(3 * 480_00, "Acme", "INV-1043")).automatic(CashMatcher.AUTO_APPLY))
                .isEmpty();
    }

    @Test
    void aReferenceOneSlipFromTheInvoiceTheAmountPaysShouldApplyAndAnyOtherShouldWait() {
        Candidate slip = match(receipt(1_250_00, "Acme Supply Co", "Payment INV-1014"))
                .automatic(CashMatcher.AUTO_APPLY)
                .orElseThrow();
        assertThat(slip.invoices()).containsExactly("INV-1041");
        assertThat(slip.reasons()).anyMatch(r -> r.contains("one slip from INV-1041"));

        assertThat(match(receipt(1_250_00, "Acme Supply Co", "Payment INV-7777"))
                        .automatic(CashMatcher.AUTO_APPLY))
                .isEmpty();
        assertThat(CashMatcher.oneSlip("10437", "10473")).isTrue();
        assertThat(CashMatcher.oneSlip("10437", "10438")).isTrue();
        assertThat(CashMatcher.oneSlip("10437", "10784")).isFalse();
    }

    @Test
    void aPartPaymentOfSeveralNamedInvoicesShouldApplyInTheOrderNamedOnlyWhenThePayerIsTheCustomer() {
        Candidate theirs = match(receipt(1_350_00, "Acme Supply Co", "INV-1041 INV-1043"))
                .automatic(CashMatcher.AUTO_APPLY)
                .orElseThrow();
        assertThat(theirs.allocations())
                .extracting(a -> a.invoiceNumber() + " " + a.amount().toPlainString())
                .containsExactly("INV-1041 1250.00", "INV-1043 100.00");

        assertThat(match(receipt(1_350_00, "J Smith", "INV-1041 INV-1043")).automatic(CashMatcher.AUTO_APPLY))
                .isEmpty();
    }

    @Test
    void whatTheCustomerToldUsItPaidShouldPlaceAReceiptThatNamesNothing() {
        CashMatcher told = new CashMatcher(customers, open, Map.of())
                .withAdvices(List.of(new Advised(
                        ACME,
                        "email <p1@bluefern.example>",
                        "Remittance advice\nInvoice\tAmount\nINV-1043\t480.00\nINV-1050\t300.00\nless 20.00 damaged case",
                        java.time.Instant.parse("2026-10-04T10:00:00Z"))));

        Candidate best = told.match(receipt(760_00, "ACME SUPPLY CO", ""))
                .automatic(CashMatcher.AUTO_APPLY)
                .orElseThrow();
        assertThat(best.invoices()).containsExactlyInAnyOrder("INV-1043", "INV-1050");
        assertThat(best.deduction()).map(Candidate.Deduction::reason).contains("damaged case");
        assertThat(best.reasons()).anyMatch(r -> r.startsWith("the customer told us (email <p1@bluefern.example>"));
        // another amount is another payment: the advice does not place it
        assertThat(told.match(receipt(999_00, "ACME SUPPLY CO", "")).automatic(CashMatcher.AUTO_APPLY))
                .isEmpty();
    }

    @Test
    void aConfirmedNameShouldApplyLikeTheCustomersOwn() {
        CashMatcher taught = new CashMatcher(customers, open, Map.of(PayerNames.normalize("CHG HOLDINGS"), CRANE));

        Candidate best = taught.match(receipt(77_70, "CHG Holdings", ""))
                .automatic(CashMatcher.AUTO_APPLY)
                .orElseThrow();
        assertThat(best.customer()).isEqualTo(CRANE);
        assertThat(best.reasons()).anyMatch(r -> r.contains("confirmed before"));
    }

    @Test
    void anOverpaymentShouldStayAsCredit() {
        Candidate best = match(receipt(1_260_00, "Acme", "INV-1041")).best().orElseThrow();

        assertThat(paid(best)).containsExactly("INV-1041=1250.00");
        assertThat(best.credit()).isEqualTo(Money.of(10_00, "USD"));
    }

    @Test
    void aReferenceThatNamesNothingShouldCapTheNameRoute() {
        CashMatch m = match(receipt(480_00, "Acme Supply Co", "INV-9999"));

        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isEmpty();
        assertThat(m.advice().unknown()).containsExactly("INV-9999");
    }

    @Test
    void anotherCustomersNameOnAReferenceShouldBeDoubted() {
        CashMatch m = match(receipt(77_70, "Bolt & Nut Distributors", "INV-3001"));

        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isEmpty();
        assertThat(m.best().orElseThrow().reasons()).anyMatch(r -> r.contains("Bolt & Nut"));
    }

    @Test
    void moneyInTheTextShouldNotBeReadAsAnInvoice() {
        CashMatch m = match(receipt(1_250_00, "Acme", "USD 1,250.00 for 1041"));

        assertThat(m.advice().invoices()).containsExactly("INV-1041");
        assertThat(paid(m.automatic(CashMatcher.AUTO_APPLY).orElseThrow())).containsExactly("INV-1041=1250.00");
    }

    @Test
    void nothingKnownShouldOfferTheInvoicesOfThatAmount() {
        CashMatch m = match(receipt(77_70, "", ""));

        assertThat(m.automatic(CashMatcher.AUTO_APPLY)).isEmpty();
        assertThat(m.best().orElseThrow().allocations())
                .extracting(Payment.Allocation::invoiceNumber)
                .containsExactly("INV-3001");
    }

    @Test
    void aReferenceToTheWrongLineShouldApplyToTheInvoiceTheAmountPaysToTheCent() {
        List<Invoice> more = new java.util.ArrayList<>(open);
        more.add(invoice(ACME, "INV-1052", 12, 612_35));
        CashMatcher matcher = new CashMatcher(customers, more, Map.of());

        // short of the invoice it names, and more than another: both are INV-1052's balance to the cent
        for (String named : List.of("INV-1043", "INV-1050")) {
            CashMatch m = matcher.match(receipt(612_35, "ACME SUPPLY", "Payment " + named));
            Candidate best = m.automatic(CashMatcher.AUTO_APPLY).orElseThrow();
            assertThat(paid(best)).containsExactly("INV-1052=612.35");
            assertThat(best.reasons()).anyMatch(r -> r.contains("wrong line"));
            assertThat(m.candidates()).anyMatch(c -> c.invoices().equals(List.of(named)));
        }
        // another customer's name on it, or a second invoice of that balance: a person decides
        assertThat(matcher.match(receipt(612_35, "Crane Hospitality Group", "INV-1043"))
                        .automatic(CashMatcher.AUTO_APPLY))
                .isEmpty();
        more.add(invoice(ACME, "INV-1053", 14, 612_35));
        assertThat(new CashMatcher(customers, more, Map.of())
                        .match(receipt(612_35, "ACME SUPPLY", "INV-1043"))
                        .automatic(CashMatcher.AUTO_APPLY))
                .isEmpty();
        // a round figure is what a part payment of the invoice named looks like
        assertThat(CashMatcher.round(Money.of(300_00, "USD"))).isTrue();
        assertThat(CashMatcher.round(Money.of(612_35, "USD"))).isFalse();
    }

    @Test
    void theTotalOfManyOldestInvoicesToTheCentShouldApplyWhenNoSmallerSetFits() {
        List<Invoice> many = new java.util.ArrayList<>();
        long[] balances = {101_17, 233_45, 87_09, 412_66, 150_31, 98_02};
        for (int k = 0; k < balances.length; k++) {
            many.add(invoice(CRANE, "INV-30" + (10 + k), k, balances[k]));
        }
        long five = 101_17 + 233_45 + 87_09 + 412_66 + 150_31;
        CashMatch m = new CashMatcher(customers, many, Map.of()).match(receipt(five, "CRANE HOSPITALITY GROUP", ""));

        Candidate best = m.automatic(CashMatcher.AUTO_APPLY).orElseThrow();
        assertThat(best.invoices()).containsExactly("INV-3010", "INV-3011", "INV-3012", "INV-3013", "INV-3014");
        assertThat(best.reasons()).anyMatch(r -> r.contains("5 oldest invoices"));
    }
}
