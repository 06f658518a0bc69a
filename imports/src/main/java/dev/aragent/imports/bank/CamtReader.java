package dev.aragent.imports.bank;

import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.ledger.Money;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ISO 20022 bank-to-customer statements ({@code camt.053}) and debit/credit notifications ({@code camt.054}), any
 * version, read with the JDK's streaming XML parser (no DTD, no external entity: a file cannot make us read anything
 * else). What a statement needs is the same in every version — the account, the booked balances, and per entry the
 * amount, its side, reversal, status, dates, the bank's reference, the related party and the remittance information —
 * so one reader follows the element names rather than a generated model per version. A file that is not one of these
 * documents, is not well formed, or lacks an entry's amount or side is refused whole, with its line and column.
 */
public final class CamtReader {
    private static final Pattern NAMESPACE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:(camt\\.05[34]\\.001\\.\\d{2})");

    private CamtReader() {}

    /** The statements (or notifications) of {@code content}, in the file's order. */
    public static List<BankStatement> read(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's, whatever else is on the path
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            return new Walk(xml).statements();
        } catch (Refused e) {
            throw new IllegalArgumentException(where(e.getLocation()) + e.why, e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(
                    where(e.getLocation()) + "not well-formed XML (" + firstLine(e.getMessage()) + ")", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing was kept open beyond the bytes we were given
                }
            }
        }
    }

    private static String where(Location at) {
        return at == null ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
    }

    /** A document read well but refused for what it says, with where. */
    private static final class Refused extends XMLStreamException {
        private static final long serialVersionUID = 1L;
        final String why;

        Refused(String why, Location at) {
            super(why, at);
            this.why = why;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String[] lines = s.strip().split("\\R");
        return lines[lines.length - 1].replaceFirst("^Message: ", "");
    }

    /** One pass over the document, the path of element names kept as it goes. */
    private static final class Walk {
        private final XMLStreamReader xml;
        private final List<String> path = new ArrayList<>();
        private final List<BankStatement> out = new ArrayList<>();
        private String format = "";
        private StatementBuilder statement;
        private EntryBuilder entry;
        private BalanceBuilder balance;

        Walk(XMLStreamReader xml) {
            this.xml = xml;
        }

        List<BankStatement> statements() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end();
                }
            }
            if (format.isEmpty()) {
                throw refused("not an ISO 20022 camt.053 or camt.054 document");
            }
            return out;
        }

        private void start() throws XMLStreamException {
            String name = xml.getLocalName();
            if (path.isEmpty()) {
                Matcher m = NAMESPACE.matcher(xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI());
                if (!name.equals("Document") || !m.matches()) {
                    throw refused("not an ISO 20022 camt.053 or camt.054 document (root " + name + " in "
                            + xml.getNamespaceURI() + ")");
                }
                format = m.group(1);
            }
            path.add(name);
            String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
            switch (name) {
                case "Stmt", "Ntfctn" -> {
                    if (parent.startsWith("BkToCstmr")) {
                        statement = new StatementBuilder();
                    }
                }
                case "Bal" -> balance = statement == null ? null : new BalanceBuilder();
                case "Ntry" -> entry = statement == null ? null : new EntryBuilder();
                default -> {
                    if (entry != null) {
                        entryStart(name, parent);
                    } else if (balance != null) {
                        balanceStart(name, parent);
                    } else if (statement != null) {
                        statementStart(name, parent);
                    }
                }
            }
        }

        private void statementStart(String name, String parent) throws XMLStreamException {
            if (name.equals("Id") && (parent.equals("Stmt") || parent.equals("Ntfctn"))) {
                statement.id = text();
            } else if (ends("Acct", "Id", "IBAN") || ends("Acct", "Id", "Othr", "Id")) {
                statement.account = text();
            } else if (name.equals("Ccy") && parent.equals("Acct")) {
                statement.currency = currency(text());
            }
        }

        private void balanceStart(String name, String parent) throws XMLStreamException {
            if ((name.equals("Cd") || name.equals("Prtry")) && parent.equals("CdOrPrtry")) {
                balance.type = text();
            } else if (name.equals("Amt") && parent.equals("Bal")) {
                balance.currency = currency(xml.getAttributeValue(null, "Ccy"));
                balance.amount = amount(text());
            } else if (name.equals("CdtDbtInd") && parent.equals("Bal")) {
                balance.debit = side(text()) == Side.DBIT;
            }
        }

        private void entryStart(String name, String parent) throws XMLStreamException {
            EntryBuilder e = entry;
            switch (name) {
                case "Amt" -> {
                    if (parent.equals("Ntry")) {
                        e.currency = currency(xml.getAttributeValue(null, "Ccy"));
                        e.amount = amount(text());
                    }
                }
                case "CdtDbtInd" -> {
                    if (parent.equals("Ntry")) {
                        e.side = side(text());
                    }
                }
                case "RvslInd" -> {
                    if (parent.equals("Ntry")) {
                        e.reversal = Boolean.parseBoolean(text().strip());
                    }
                }
                case "Sts" -> {
                    if (parent.equals("Ntry")) {
                        String t = statusText();
                        if (t != null && !t.isBlank()) {
                            e.status = t.strip();
                        }
                    }
                }
                case "Cd" -> {
                    if (parent.equals("Sts")
                            && path.size() > 2
                            && path.get(path.size() - 3).equals("Ntry")) {
                        e.status = text();
                    }
                }
                case "Dt", "DtTm" -> {
                    if (parent.equals("BookgDt") && within("Ntry") && !within("NtryDtls")) {
                        e.booked = date(text());
                    } else if (parent.equals("ValDt") && !within("NtryDtls")) {
                        e.value = date(text());
                    }
                }
                case "AcctSvcrRef" -> {
                    if (parent.equals("Ntry") || e.reference.isEmpty()) {
                        e.reference = text();
                    }
                }
                case "Nm" -> {
                    if (within("RltdPties")) {
                        if (within("Dbtr") || within("UltmtDbtr")) {
                            e.debtor = e.debtor.isEmpty() ? text() : e.debtor;
                        } else if (within("Cdtr") || within("UltmtCdtr")) {
                            e.creditor = e.creditor.isEmpty() ? text() : e.creditor;
                        }
                    }
                }
                case "IBAN" -> {
                    if (within("DbtrAcct")) {
                        e.debtorAccount = e.debtorAccount.isEmpty() ? text() : e.debtorAccount;
                    } else if (within("CdtrAcct")) {
                        e.creditorAccount = e.creditorAccount.isEmpty() ? text() : e.creditorAccount;
                    }
                }
                case "Ustrd" -> {
                    if (within("RmtInf")) {
                        e.remittance.add(text().strip());
                    }
                }
                case "Ref" -> {
                    if (within("CdtrRefInf")) {
                        e.references.add(text().strip());
                    }
                }
                case "Nb" -> {
                    if (within("RfrdDocInf")) {
                        e.references.add(text().strip());
                    }
                }
                case "AddtlNtryInf" -> {
                    if (parent.equals("Ntry")) {
                        e.remittance.add(text().strip());
                    }
                }
                default -> {
                    // elements no cash application reads
                }
            }
        }

        private void end() throws XMLStreamException {
            String name = path.removeLast();
            String parent = path.isEmpty() ? "" : path.getLast();
            switch (name) {
                case "Ntry" -> {
                    if (entry != null && statement != null) {
                        statement.entries.add(entry.build(this));
                    }
                    entry = null;
                }
                case "Bal" -> {
                    if (balance != null && statement != null) {
                        balance.into(statement, this);
                    }
                    balance = null;
                }
                case "Stmt", "Ntfctn" -> {
                    if (statement != null && parent.startsWith("BkToCstmr")) {
                        out.add(statement.build(format, this));
                        statement = null;
                    }
                }
                default -> {
                    // nothing ends with it
                }
            }
        }

        /** The element's text; the reader moves to its end (the end is handled by the caller's next event). */
        private String text() throws XMLStreamException {
            String t = xml.getElementText();
            path.removeLast(); // getElementText consumed the end tag
            return t;
        }

        /**
         * The text of an element that holds either text (camt up to version 7: {@code <Sts>BOOK</Sts>}) or a child
         * ({@code <Sts><Cd>BOOK</Cd></Sts>}): the text, or null when a child came first (then handled as any start).
         */
        private String statusText() throws XMLStreamException {
            StringBuilder b = new StringBuilder();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    b.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.removeLast();
                    return b.toString();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                    return null;
                }
            }
        }

        /** Whether the path ends with {@code names}. */
        private boolean ends(String... names) {
            if (path.size() < names.length) {
                return false;
            }
            for (int k = 0; k < names.length; k++) {
                if (!path.get(path.size() - names.length + k).equals(names[k])) {
                    return false;
                }
            }
            return true;
        }

        private boolean within(String name) {
            return path.contains(name);
        }

        private Currency currency(String code) throws XMLStreamException {
            try {
                return Currency.getInstance(code == null ? "" : code.strip());
            } catch (IllegalArgumentException e) {
                throw refused("'" + code + "' is no currency", e);
            }
        }

        private BigDecimal amount(String s) throws XMLStreamException {
            try {
                BigDecimal a = new BigDecimal(s.strip());
                if (a.signum() < 0) {
                    throw refused("an amount is never negative in camt (its side says which way): " + s.strip());
                }
                return a;
            } catch (NumberFormatException e) {
                throw refused("'" + s.strip() + "' is no amount", e);
            }
        }

        private Side side(String s) throws XMLStreamException {
            try {
                return Side.valueOf(s.strip());
            } catch (IllegalArgumentException e) {
                throw refused("credit or debit is CRDT or DBIT, not '" + s.strip() + "'", e);
            }
        }

        private Optional<LocalDate> date(String s) throws XMLStreamException {
            String t = s.strip();
            try {
                return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t));
            } catch (DateTimeParseException e) {
                throw refused("'" + t + "' is no date", e);
            }
        }

        Refused refused(String why) {
            return new Refused(why, xml.getLocation());
        }

        Refused refused(String why, Exception cause) {
            Refused r = refused(why);
            r.initCause(cause);
            return r;
        }
    }

    private enum Side {
        CRDT,
        DBIT
    }

    private static final class BalanceBuilder {
        String type = "";
        BigDecimal amount;
        Currency currency;
        boolean debit;

        void into(StatementBuilder s, Walk w) throws XMLStreamException {
            if (amount == null || currency == null) {
                throw w.refused("a balance (" + type + ") has no amount");
            }
            Money m = Money.ofMajor(debit ? amount.negate() : amount, currency);
            switch (type) {
                case "OPBD" -> s.opening = Optional.of(m);
                case "PRCD" -> {
                    if (s.opening.isEmpty()) {
                        s.previous = Optional.of(m);
                    }
                }
                case "CLBD" -> s.closing = Optional.of(m);
                default -> {
                    // available, forward and interim balances: not what the entries add up to
                }
            }
            if (s.currency == null) {
                s.currency = currency;
            }
        }
    }

    private static final class StatementBuilder {
        String id = "";
        String account = "";
        Currency currency;
        Optional<Money> opening = Optional.empty();
        Optional<Money> previous = Optional.empty();
        Optional<Money> closing = Optional.empty();
        final List<BankTransaction> entries = new ArrayList<>();

        BankStatement build(String format, Walk w) throws XMLStreamException {
            Currency c = currency != null
                    ? currency
                    : entries.isEmpty() ? null : entries.getFirst().amount().currency();
            if (c == null) {
                throw w.refused("statement " + id + " names no currency and has no entry");
            }
            return new BankStatement(format, id, account, c, opening.or(() -> previous), closing, entries);
        }
    }

    private static final class EntryBuilder {
        BigDecimal amount;
        Currency currency;
        Side side;
        boolean reversal;
        String status = "BOOK";
        Optional<LocalDate> booked = Optional.empty();
        Optional<LocalDate> value = Optional.empty();
        String reference = "";
        String debtor = "";
        String creditor = "";
        String debtorAccount = "";
        String creditorAccount = "";
        final List<String> references = new ArrayList<>();
        final List<String> remittance = new ArrayList<>();

        BankTransaction build(Walk w) throws XMLStreamException {
            if (amount == null || currency == null) {
                throw w.refused("an entry has no amount");
            }
            if (side == null) {
                throw w.refused("an entry says neither CRDT nor DBIT");
            }
            boolean credit = side == Side.CRDT;
            return new BankTransaction(
                    reference,
                    Money.ofMajor(amount, currency),
                    credit,
                    reversal,
                    status,
                    booked,
                    value,
                    credit ? debtor : creditor,
                    credit ? debtorAccount : creditorAccount,
                    references,
                    remittance.stream().filter(r -> !r.isEmpty()).toList());
        }
    }
}
