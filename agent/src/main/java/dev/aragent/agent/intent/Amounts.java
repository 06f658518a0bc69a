package dev.aragent.agent.intent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sums a debtor names: figures with a currency ("$1,250.50", "500 dollars", "€300", "1.250,50 EUR",
 * "1 200,00 €", "2k"),
 * bare figures after a paying verb ("we can pay 500 now", "installments of 250"), shares ("half", "a third", "50%"),
 * the rest and the whole. Invoice, PO and phone numbers, dates and counts ("3 payments") are not amounts.
 */
final class Amounts {
    private static final String NUMBER =
            "(\\d{1,3}(?:['’]\\d{3})+(?:\\.\\d{1,2})?|\\d{1,3}(?:[,.]\\d{3})+(?:[.,]\\d{1,2})?"
                    + "|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d{1,2})?"
                    + "|\\d+(?:[.,]\\d{1,2})?)";
    private static final Pattern NOT_MONEY = Pattern.compile("(?iuU)"
            // a list of references ("invoices 1041 and 1042", "facturas 88, 89 y 90")
            + "\\b(?:invoices|inv|facturas|factures|rechnungen|orders|pedidos|commandes|bestellungen|pos|checks|"
            + "cheques|chèques|tickets|cases)\\s*(?:nos?\\.?|numbers|#)?\\s*:?\\s*#?\\d[\\d/-]*"
            + "(?:\\s*(?:,|and|y|et|und|&|or|o|ou|oder)\\s*#?\\d[\\d/-]{2,}(?![.,]\\d))*"
            + "|\\bINV-?\\d+|\\b(?:invoice|inv|po|order|ref|account|acct|factura|facture|rechnung|rechnungsnummer|"
            + "pedido|commande|bestellung|albarán|referencia|référence|referenz|nº|n°|nr|check|cheque|chèque|"
            + "ticket|case|tracking|zip|suite|unit|pallet|lot|cheque n|confirmation|conf)\\.?\\s*(?:no\\.?|number|#|nr\\.?|"
            + "n[º°]\\.?)?\\s*:?\\s*#?\\d[\\d/-]*"
            + "|\\b\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2,4})?(?![\\d,])"
            + "|\\+?\\d?[\\s.(-]*\\d{3}[\\s.)-]*\\d{3}[\\s.-]*\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b"
            + "|\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b(?!\\s*%)|\\b\\d{1,2}(?:st|nd|rd|th)\\b"
            + "|\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|h|uhr)\\b|\\b\\d{1,2}:\\d{2}\\b|"
            + "\\b\\d+\\s+(?:units?|pieces?|pcs|pallets?|boxes|cases|items|cartons|unidades|cajas|pièces|palettes|"
            + "stück|paletten|kartons)\\b|\\b(?:19|20)\\d{2}\\b(?!\\s*(?:dollars|usd|eur|€|\\$))");
    private static final Pattern SYMBOL = Pattern.compile("([$€£])\\s?" + NUMBER + "(\\s?[kK]\\b)?");
    private static final Pattern CODE_BEFORE =
            Pattern.compile("(?i)\\b(usd|eur|gbp|cad|aud|mxn|chf)\\s?" + NUMBER + "(\\s?k\\b)?");
    private static final Pattern CODE_AFTER = Pattern.compile("(?iuU)" + NUMBER
            + "(\\s?k)?\\s?(dollars|dólares|dolares|bucks|usd|eur|euros?|gbp|pounds|cad|aud|mxn|chf|pesos|€|£|\\$)");
    /** What a figure counts when it is not a sum: days, months, instalments, invoices, units ("3 installments"). */
    private static final String COUNTED = "%|percent|"
            + "(?:(?:business|working|calendar|banking|bank|extra|separate|equal|monthly|weekly)\\s+)?(?:days?|weeks?|months?|installments?|instalments?|payments?|"
            + "times|parts|chunks|invoices?|more|meses|mois|monate|monaten|días|dias|jours|tage|tagen|semanas|semaines|"
            + "wochen|facturas|factures|rechnungen|checks?|cheques?|transfers?|wires?|tranches?|cuotas|pagos|plazos|"
            + "virements?|versements?|chèques?|raten|zahlungen|überweisungen|copies|copias|exemplaires|kopien|"
            + "of (?:them|those|the (?:invoices|bills|payments))|units?|pieces?|pallets?|boxes|items)";

    private static final Pattern AFTER_VERB = Pattern.compile(
            "(?iuU)\\b(?:pay|paying|send|sending|sent|wire|wiring|take|accept|payment for|remittance of|"
                    + "amount(?: paid| sent| due| transferred)?:|"
                    // a sum named as what is owed or what a part is of ("800 of the 1,500", "debemos 4.000")
                    + "of the|out of(?: the)?|de los|de las|a total of|total of|total is|balance of|is for|was for|"
                    + "agreed on|agreed to|amount of|sum of|credit of|owe|owe you|debemos|es por|era por|total de|"
                    + "pago de|pago parcial de|partial payment of|paiement partiel de|teilzahlung von|abono de|monto de|importe de|"
                    // what a plan or a payment is of, and what is still owed ("a plan of 400 a month", "the check for
                    // 1,050.25", "nos quedan 1.200 por pagar")
                    + "plan of|plan de|check for|cheque for|wire for|transfer for|transferencia por|transferencia de|"
                    + "quedan|faltan|still owe|il reste|remaining|restantes|restants|restlichen|otros|otras|d'autres|"
                    + "weitere|pasamos|pasaremos|mandamos|hacemos|haremos|"
                    // a deposit, a figure to start with or come down to, the other part, a list after a colon ("dos
                    // pagos: 1.200 el viernes y …")
                    + "deposit of|depósito de|dépôt de|virement de|überweisung von|zahlung von|paiement de|"
                    + "start with|starting with|begin with|empezar con|commencer par|anfangen mit|down to|settle for|"
                    + "rebajar a|the other|the last|the final|los otros|las otras|les autres|die anderen|"
                    + "pagos?:|payments?:|cuotas:|plazos:|paiements?:|versements?:|raten:|zahlungen:|importe:|monto:|"
                    + "montant:|betrag:|"
                    + "transfer|transferring|put down|payments? of|installments? of|instalments? of|do|manage|afford|cover|"
                    + "offer|offering|pagar|pagaremos|pagamos|pago|pagaría|abonar|abonaremos|transferir|cuotas de|plazos de|"
                    + "payer|payons|paierons|paierai|verser|versons|verserons|virer|virons|mensualités de|versements de|"
                    + "zahlen|zahle|zahlen wir|überweisen|überweisen wir|überweise|raten von|anzahlung von|"
                    // settling and having paid name a sum as well ("we can settle 3k", "we paid 2,400 on Monday")
                    + "settle|settling|remit|remitting|remitted|paid|transferred|wired|bezahlen|bezahle|bezahlt|gezahlt|"
                    + "begleichen|begleiche|überwiesen|régler|réglerons|réglons|réglé|payé|versé|viré|depositar|depositaremos|"
                    + "depositamos|enviar|enviaremos|enviamos|mandar|mandaremos|liquidar|liquidaremos|pagado|transferimos)\\s+"
                    + "(?:you\\s+|the\\s+(?:outstanding\\s+|remaining\\s+|open\\s+)?|pendientes\\s+|about\\s+|around\\s+|roughly\\s+|maybe\\s+|another\\s+|only\\s+|today\\s+|tomorrow\\s+|"
                    + "now\\s+|hoy\\s+|mañana\\s+|ahora\\s+|ya\\s+|aujourd'hui\\s+|demain\\s+|maintenant\\s+|heute\\s+|"
                    + "morgen\\s+|jetzt\\s+|sofort\\s+|seulement\\s+|solo\\s+|nur\\s+)*"
                    + NUMBER
                    + "(\\s?k\\b)?(?!\\s*(?:" + COUNTED + "|[/\\d]))");
    /**
     * German puts the verb last ("wir können morgen 2.000 überweisen"): a bare figure a word or two before a paying
     * verb, not a count of months, weeks or instalments.
     */
    private static final Pattern BEFORE_VERB_DE = Pattern.compile("(?iuU)" + NUMBER
            + "(\\s?k\\b)?\\s+(?!(?:monate|monaten|wochen|tage|tagen|raten|teilen|teile|mal|rechnungen)\\b)"
            + "(?:\\p{L}+\\s+){0,2}?(?:überweisen|zahlen|bezahlen|begleichen|anweisen|überwiesen|bezahlt|gezahlt)\\b");
    /**
     * The next payment of a schedule written as a list ("1,000 now and 1,500 on the 30th", "500 ahora y 500 el
     * viernes"): a bare figure after "and" (or its kin) with a when after it, read once a sum was already found.
     */
    private static final Pattern AND_THEN = Pattern.compile("(?iuU)(?:\\band|\\by|\\bet|\\bund|\\bthen|\\bpuis|"
            + "\\bdann|\\bluego|,)\\s+(?:another\\s+|the other\\s+|the last\\s+|the final\\s+|a final\\s+|then\\s+|otros\\s+|encore\\s+|weitere\\s+|nochmal\\s+)?"
            + NUMBER
            + "(\\s?k\\b)?(?=\\s+(?:now|today|tomorrow|next|on|by|in|at|after|later|ahora|hoy|mañana|el|a\\s+fin|"
            + "al|en|maintenant|aujourd'hui|demain|le|fin|au|dans|jetzt|heute|morgen|am|ende|nächste|nächsten|im|in|"
            // or a rate after it ("2.500 y luego 1.000 mensuales")
            + "mensuales|mensual|monthly|a month|per month|al mes|por mes|cada|every|each|par mois|chaque|"
            + "pro monat|monatlich|jeden|a week|per week|weekly|semanales|por semana|par semaine|pro woche|"
            + "wöchentlich)\\b)");
    /**
     * A figure as the subject of what can be done ("but 800 is doable this week", "1.000 sería posible"): a sum, as a
     * paying verb before it would make it.
     */
    private static final Pattern DOABLE = Pattern.compile(
            "(?iuU)" + NUMBER
                    + "(\\s?k\\b)?\\s+(?:(?:is|would be|should be|will be|es|sería|serait|est|wäre|ist)\\s+(?:doable|possible|"
                    + "manageable|feasible|realistic|what we can|posible|factible|faisable|machbar|möglich)|would work|works for us)\\b");

    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
            + "sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
            + "septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
            + "novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember";
    /**
     * A figure with no currency and none of the words above around it ("we only have 450 available", "our payment run
     * includes 5,300 for you"), read last, after every reference, date, time, phone number and count was masked: a sum
     * unless what stands next to it says otherwise ({@link #notASumAfter}) — an address, a count of things, a rate of
     * time, a month, another figure (an account or routing number).
     */
    private static final Pattern BARE = Pattern.compile("(?iuU)(?<![\\w.,/#:$€£+-])" + NUMBER
            + "(\\s?k\\b)?(?![\\w%/:+-]|[.,]\\d)(?!\\.?\\s*(?:" + COUNTED
            + "|years?|yrs|hours?|hrs|minutes?|mins|horas|heures|"
            + "stunden|años|ans|jahren?|people|employees|locations|stores|trucks|orders|deliveries|[ap]\\.?m\\b|"
            + "(?:de\\s+)?(?:" + MONTHS + "))\\b)(?!\\s+\\d)(?!\\s+(?:\\p{L}+\\s+){0,2}(?:st|street|ave|avenue|rd|road|"
            + "blvd|boulevard|drive|lane|ln|calle|rue|avenida|straße|strasse|str)\\b)");

    /** Words after which a bare figure is a reference or a position, not a sum. */
    private static final java.util.Set<String> REFERENCE_BEFORE = java.util.Set.of(
            "aba",
            "apt",
            "bic",
            "box",
            "case",
            "code",
            "confirmation",
            "cp",
            "erreur",
            "error",
            "ext",
            "extension",
            "fehler",
            "floor",
            "highway",
            "hwy",
            "iban",
            "id",
            "item",
            "kw",
            "line",
            "net",
            "no",
            "nr",
            "number",
            "option",
            "order",
            "otp",
            "page",
            "pin",
            "plz",
            "po",
            "postcode",
            "reference",
            "referencia",
            "referenz",
            "rma",
            "room",
            "route",
            "routing",
            "référence",
            "semaine",
            "semana",
            "sort",
            "ste",
            "step",
            "suite",
            "swift",
            "ticket",
            "tracking",
            "transaction",
            "unit",
            "version",
            "week",
            "woche",
            "zip",
            "az",
            "art",
            "artikel",
            "auftrag",
            "kostenstelle",
            "aktenzeichen",
            "hrb",
            "bestellnr",
            "lot",
            "batch",
            "sku",
            "model",
            "modell",
            "modelo",
            "modèle",
            "serie",
            "series",
            "flight",
            "gate");
    /** Words after which a bare figure up to 31 is a day or a time, not a sum ("on the 15", "at 11", "Friday 20"). */
    private static final java.util.Set<String> DAY_BEFORE = java.util.Set.of(
            "at",
            "after",
            "before",
            "until",
            "till",
            "since",
            "by",
            "from",
            "to",
            "on",
            "in",
            "within",
            "over",
            "under",
            "last",
            "next",
            "every",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonntag",
            "day",
            "día",
            "dia",
            "jour",
            "tag",
            "el",
            "le",
            "la",
            "am",
            "um",
            "den",
            "del",
            "au",
            "du",
            "à",
            "a",
            "las",
            "los",
            "les",
            "the",
            "que",
            "hasta",
            "desde",
            "jusqu'au",
            "bis",
            "vom",
            "ab");
    /** Plural words after a figure that are not what it counts: it is a sum before them. */
    private static final java.util.Set<String> NOT_COUNTS = java.util.Set.of(
            "this",
            "was",
            "has",
            "is",
            "plus",
            "less",
            "towards",
            "across",
            "unless",
            "thanks",
            "yes",
            "mas",
            "más",
            "pues",
            "tras",
            "después",
            "dans",
            "sous",
            "vers",
            "alors",
            "puis",
            "mais",
            "dès",
            "bis",
            "als",
            "aus",
            "mensuales",
            "semanales",
            "quincenales",
            "mensuels",
            "hebdomadaires",
            "as",
            "us",
            "its",
            "francs",
            "minus",
            "afterwards",
            "does",
            "goes",
            "comes",
            "leaves",
            "arrives",
            "clears",
            "lands",
            "hits",
            "works",
            "covers",
            "includes",
            "remains",
            "seems",
            "looks",
            "needs",
            "means",
            "represents",
            "reflects",
            "shows",
            "says",
            "gets",
            "makes",
            "menos",
            "moins",
            "depuis",
            "après",
            "antes",
            "entonces",
            "además");

    private static final Pattern WORD_BEFORE = Pattern.compile("(?iuU)([\\p{L}\\d'#]+)[\\s.:,]*$");
    /** A postcode after an address's comma: four or five digits and a town's capitalised name ("4020 Linz"). */
    private static final Pattern POSTCODE = Pattern.compile("\\d{4,5}\\s+\\p{Lu}\\p{L}+");
    /** A street's name before a house number ("Landstraße 12", "Hauptstr. 45", "rue Jean 8"). */
    private static final Pattern STREET =
            Pattern.compile("(?iuU)\\p{L}*(?:straße|strasse|gasse|platz|allee)|\\p{L}+(?:str|weg)"
                    + "|street|st|avenue|ave|road|rd|boulevard|blvd|lane|calle|avenida|rue|chemin");
    /**
     * Words that make a percentage a rate or a share of something other than the debt (a discount, a tax, a fee,
     * interest, sales, stock, goods), near it in its clause.
     */
    private static final Pattern NOT_DEBT = Pattern.compile("(?iuU)\\b(?:discount\\w*|descuento\\w*|remise|rabais|"
            + "escompte|skonto|rabatt|vat|iva|tva|mwst|ust|tax\\w*|impuesto\\w*|taxe\\w*|steuer\\w*|fee|fees|charge|"
            + "cargo|recargo|frais|gebühr\\w*|interest|inter[eé]s|intérêts|zinsen|penalt\\w*|pénalit\\w*|retainage|"
            + "retenci[oó]n|retenue|einbehalt\\w*|inventory|inventario|stock|sales|ventas|ventes|umsatz|revenue\\w*|"
            + "rate|tasa|taux|satz|chut\\w*|eingebrochen|dropped|fell|down by|ca[ií]da|bajaron|margin|margen|marge|commission|units|"
            + "unidades|cases|damaged|beschädigt|dañad\\w*|endommag\\w*|of the (?:goods|order|shipment|delivery)|"
            + "de la mercanc[ií]a|du stock|der ware)\\b");
    /** What a share or a part is of: "half of the 20 chairs", "la mitad del pedido" (a share of the debt is of it). */
    private static final Pattern OF_WHAT =
            Pattern.compile("(?iuU)^\\s+(?:of|de|del|des|du|der|von|sur)\\s+(?:the |our |"
                    + "these |those |this |that |los |las |la |le |les |nuestr\\w+ |nos |notre |unsere\\w* |die |den |dem )?"
                    + "(?:\\d[\\d.,']*\\s+)?(\\p{L}+)");
    /** What a share or a figure may be of and still be the debt. */
    private static final java.util.Set<String> DEBT_WORDS = java.util.Set.of(
            "balance",
            "amount",
            "invoice",
            "invoices",
            "bill",
            "bills",
            "debt",
            "total",
            "sum",
            "outstanding",
            "open",
            "remaining",
            "payment",
            "it",
            "what",
            "them",
            "saldo",
            "importe",
            "monto",
            "deuda",
            "factura",
            "facturas",
            "adeudado",
            "solde",
            "montant",
            "facture",
            "factures",
            "dette",
            "somme",
            "betrag",
            "betrags",
            "rechnung",
            "rechnungen",
            "summe",
            "forderung",
            "schuld",
            "ausstehenden",
            "offenen",
            "pendiente",
            "restant",
            "dollars",
            "euros",
            "pesos",
            "usd",
            "eur",
            "mxn");

    /** Whether what stands after a share says it is of something other than the debt ("half of the chairs"). */
    private static boolean ofSomethingElse(String text, int end) {
        Matcher m = OF_WHAT.matcher(text.substring(end, Math.min(text.length(), end + 40)));
        return m.find() && !DEBT_WORDS.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** Whether a percentage is a rate or a share of something other than what is owed (a discount, VAT, a fall in sales). */
    private static boolean aRateOrAShareOfSomethingElse(String text, int start, int end) {
        if (ofSomethingElse(text, end)) {
            return true;
        }
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), end + 30);
        Matcher clause = CLAUSE.matcher(text);
        while (clause.find()) {
            if (clause.end() <= start) {
                from = Math.max(from, clause.end());
            } else if (clause.start() >= end) {
                to = Math.min(to, clause.start());
                break;
            }
        }
        return NOT_DEBT.matcher(text.substring(from, to)).find()
                || NOT_DEBT.matcher(text.substring(Math.max(0, start - 16), Math.min(text.length(), end + 16)))
                        .find();
    }

    private static final Pattern WORD_AFTER = Pattern.compile("(?iuU)^\\s+(\\p{L}+)");

    /**
     * Whether the bare figure at {@code start}–{@code end} of {@code text} is not a sum by what stands next to it: a
     * word that makes it a time, a day, a position or a reference before it (a word with a digit in it too: "DE89
     * 3704"), a plural noun after it that it counts ("12 locations").
     */
    private static boolean notASumAfter(String text, int start, int end, String figure) {
        Matcher before = WORD_BEFORE.matcher(text.substring(Math.max(0, start - 24), start));
        if (before.find()) {
            String w = before.group(1).toLowerCase(Locale.ROOT);
            boolean aDay = parse(figure).compareTo(BigDecimal.valueOf(31)) <= 0;
            if (REFERENCE_BEFORE.contains(w)
                    || STREET.matcher(w).matches()
                    || aDay && (DAY_BEFORE.contains(w) || MONTH.matcher(w).matches())
                    || w.chars().anyMatch(Character::isDigit) && !before.group().contains(",")
                    || before.group().contains(",")
                            && POSTCODE.matcher(text.substring(start)).lookingAt()) {
                return true;
            }
        }
        Matcher of = OF_WHAT.matcher(text.substring(end, Math.min(text.length(), end + 40)));
        if (of.find() && of.group().matches("(?s).*\\d.*")) { // "18 of the 24 cases": a part of a count
            String w = of.group(1).toLowerCase(Locale.ROOT);
            if (w.length() > 3 && w.endsWith("s") && !DEBT_WORDS.contains(w) && !WORDS_AFTER.test(w)) {
                return true;
            }
        }
        return countedAfter(text, end);
    }

    /** Whether a plural noun after the figure ending at {@code end} is what it counts ("12 locations", "60 chairs"). */
    private static boolean countedAfter(String text, int end) {
        Matcher after = WORD_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 24)));
        if (after.find()) {
            String w = after.group(1).toLowerCase(Locale.ROOT);
            return w.length() > 3 && w.endsWith("s") && !NOT_COUNTS.contains(w) && !WORDS_AFTER.test(w);
        }
        return false;
    }

    /** A sum right after (a count of days after the rest is its when, not a sum: "the remainder 30 days later"). */
    private static final Pattern FIGURE_NEXT = Pattern.compile("(?iuU)\\s*(?:[$€£]|" + NUMBER
            + "(?!\\d|[.,]\\d|[\\p{L}/])(?!\\.?\\s*(?:" + COUNTED + "|" + MONTHS + ")\\b))");

    private static final Pattern MONTH = Pattern.compile("(?iuU)(?:" + MONTHS + ")");

    /** "10 mil pesos", "5 mil euros": thousands in Spanish words. */
    private static final Pattern MIL =
            Pattern.compile("(?iuU)\\b(\\d{1,3})\\s+mil\\s+(pesos|euros?|dólares|dolares|usd|eur|mxn)\\b");
    /** "15 mil", "5 Tsd.", "3 Tausend", "3 millones", "1,2 Mio.": a figure in thousands or millions. */
    private static final Pattern SCALED =
            Pattern.compile("(?iuU)\\b(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(mil|tsd\\.?|tausend|"
                    + "millones|millón|millon|millions?|mio\\.?|millionen)(?![\\p{L}])");
    /** What a {@link #SCALED} unit multiplies by: a million for "millones", "Mio.", "millions"; else a thousand. */
    private static long scale(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return u.startsWith("mill") || u.startsWith("mio") ? 1_000_000 : 1_000;
    }

    /** A number word in English: the parts of "one thousand five hundred", "twenty-five hundred", "two grand". */
    private static final String EN_TOKEN = "(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
            + "eighty|ninety|hundred|thousand|grand)";
    /**
     * Sums in English words ("five hundred dollars", "one thousand five hundred", "twenty-five hundred", "two grand"),
     * with a currency word, a when or the sentence's end after them; a run without hundreds or thousands is a count.
     */
    private static final Pattern WORDS = Pattern.compile("(?iuU)\\b(" + EN_TOKEN + "(?:(?:[\\s-]+|\\s+and\\s+)"
            + EN_TOKEN
            + ")*)\\b(?=\\s+(?:dollars|bucks|euros?)\\b|\\s+(?:now|today|tomorrow|this|next|by|on|in|at|goes|went|"
            + "will|is|for|to|coming)\\b"
            + "|\\s*[.,!;)]|\\s*$)");
    /** "2 grand", "1.5 grand": thousands in slang. */
    private static final Pattern GRAND = Pattern.compile("(?i)\\b(\\d{1,3}(?:\\.\\d)?)\\s+grand\\b");

    /**
     * "quinientos euros", "deux mille euros", "fünfhundert Euro": round sums in Spanish, French and German words, with
     * a currency word after them.
     */
    private static final Pattern WORDS_OTHER = Pattern.compile("(?iuU)\\b(?:(un|una|dos|tres|cuatro|cinco|diez|veinte|"
            + "deux|trois|quatre|cinq|dix|vingt|ein|eine|zwei|drei|vier|fünf|zehn|zwanzig)\\s*)?(mil|mille|tausend|cent|"
            + "cents|hundert|cien|quinientos|doscientos|trescientos|cuatrocientos)\\s+(?=(?:euros?|dólares|dolares|"
            + "pesos|dollars)\\b)");

    /**
     * Thousands and hundreds in one run of Spanish or German words ("mil quinientos pesos", "seis mil setecientos
     * euros", "zweitausend nächste Woche", "dreitausendfünfhundert Euro"): with a currency or a when after them.
     */
    private static final Pattern COMPOUND = Pattern.compile("(?iuU)\\b(?:(?:(un|dos|tres|cuatro|cinco|seis|siete|ocho|"
            + "nueve|diez|veinte)\\s+)?mil(?:\\s+(cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|"
            + "setecientos|ochocientos|novecientos))?(?=\\s+(?:euros?|dólares|dolares|pesos|dollars)\\b)"
            + "|(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwanzig)?tausend(?:(ein|zwei|drei|vier|fünf|sechs|"
            + "sieben|acht|neun)hundert)?(?=\\s+(?:euro|€|franken|chf|nächste|nächsten|jetzt|heute|morgen|sofort|am|bis|"
            + "im|ende)\\b|\\s*[.,!;?]))");

    /** The value of a {@link #COMPOUND} match: thousands (one when unsaid) and hundreds. */
    private static long compound(Matcher m) {
        boolean german = m.group().toLowerCase(Locale.ROOT).contains("tausend");
        long thousands = NUMBER_WORDS.getOrDefault(lowerOrEmpty(german ? m.group(3) : m.group(1)), 1);
        long hundreds = german
                ? NUMBER_WORDS.getOrDefault(lowerOrEmpty(m.group(4)), 0) * 100L
                : OTHER_UNIT.getOrDefault(lowerOrEmpty(m.group(2)), 0);
        return thousands * 1000L + hundreds;
    }

    private static String lowerOrEmpty(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static final Map<String, Integer> OTHER_UNIT = Map.ofEntries(
            Map.entry("mil", 1000),
            Map.entry("mille", 1000),
            Map.entry("tausend", 1000),
            Map.entry("cent", 100),
            Map.entry("cents", 100),
            Map.entry("hundert", 100),
            Map.entry("cien", 100),
            Map.entry("quinientos", 500),
            Map.entry("doscientos", 200),
            Map.entry("trescientos", 300),
            Map.entry("cuatrocientos", 400),
            Map.entry("ciento", 100),
            Map.entry("seiscientos", 600),
            Map.entry("setecientos", 700),
            Map.entry("ochocientos", 800),
            Map.entry("novecientos", 900));

    /** Small numbers in words: English (parts of a sum in words), then Spanish, French and German (a multiplier). */
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("un", 1),
            Map.entry("una", 1),
            Map.entry("ein", 1),
            Map.entry("eine", 1),
            Map.entry("dos", 2),
            Map.entry("deux", 2),
            Map.entry("zwei", 2),
            Map.entry("tres", 3),
            Map.entry("trois", 3),
            Map.entry("drei", 3),
            Map.entry("cuatro", 4),
            Map.entry("quatre", 4),
            Map.entry("vier", 4),
            Map.entry("cinco", 5),
            Map.entry("cinq", 5),
            Map.entry("fünf", 5),
            Map.entry("diez", 10),
            Map.entry("dix", 10),
            Map.entry("zehn", 10),
            Map.entry("veinte", 20),
            Map.entry("vingt", 20),
            Map.entry("zwanzig", 20),
            Map.entry("seis", 6),
            Map.entry("sechs", 6),
            Map.entry("siete", 7),
            Map.entry("sieben", 7),
            Map.entry("ocho", 8),
            Map.entry("acht", 8),
            Map.entry("nueve", 9),
            Map.entry("neun", 9));

    private static final Pattern THOUSANDS = Pattern.compile("(?i)\\b(\\d{1,3}(?:\\.\\d)?)\\s?k\\b");
    private static final Pattern PERCENT =
            Pattern.compile("(?i)\\b(\\d{1,3}(?:\\.\\d+)?)\\s?(?:%|percent|per cent|por ciento|pour cent|prozent)");
    private static final Pattern SHARE = Pattern.compile(
            "(?iuU)\\b(half|a third|one third|two thirds|a quarter|one quarter|three quarters|la mitad|la moitié|"
                    + "die hälfte|hälfte|le dernier tiers|le dernier quart|le quart|le tiers|un tiers|un quart|una cuarta parte|la cuarta parte|deux tiers|trois quarts|un tercio|una tercera parte|un cuarto|dos tercios|"
                    + "tres cuartos|ein drittel|ein viertel|zwei drittel|drei viertel)\\b");
    private static final Pattern REST = Pattern.compile(
            "(?iuU)\\b(?:the rest|the remainder|the other half|rest (?=(?:in|on|by|next|at|later|after|end|when|once|as soon)\\b)|"
                    + "the balance (?=(?:in(?! full)|on|by|next|at|later|after|within|end)\\b)|"
                    + "(?<!\\w)(?<!(?:the|full|entire|total|whole|outstanding|open|your|our|this|my|any|de|le) )balance (?=(?:in(?! full)|on|by|next|at|later|after|within|end|when|once|the (?:week|month)"
                    + "|the following)\\b)|"
                    + "(?<!tout )le solde (?=(?:à|en|le|fin|dans|au|la)\\b)|(?<!todo )el saldo (?=(?:en|el|a|al|para|la)\\b)|rest (?=(?:im|am|ende|nächste|nächsten|bis)\\b)|the remaining(?: balance| amount)?|remaining balance|what(?:'s| is) left"
                    + "|el resto|lo demás|le reste|(?<!todo )lo pendiente (?=(?:en|el|a|al|para|la)\\b)|den rest|lo que queda|el saldo restante|el restante|le solde restant|le reliquat|"
                    + "den restbetrag|restbetrag|den restlichen betrag|die restliche summe|der rest|dem rest|le restant|lo restante|"
                    + "the balance after|the outstanding rest|la otra mitad|l'autre moitié|lo que falta|"
                    + "whatever(?:'s| is) left|what remains|"
                    // the difference is the rest only when it is paid ("what's the difference between …" asks)
                    + "(?<=(?:pay|send|cover|wire|pagar|pagaremos|payer|paierons|zahlen) )(?:the difference|la diferencia|"
                    + "la différence|die differenz))\\b");
    private static final Pattern FULL =
            Pattern.compile("(?iuU)\\b(?:in full|full (?:invoice |open |outstanding )?(?:amount|balance)|entire balance"
                    + "|whole (?:amount|balance|thing)|everything we owe|all of it|pay (?:it )?all(?!\\s+(?:of our\\s+|our\\s+)?"
                    + "(?:vendors|suppliers|bills|invoices within))|la totalité|la totalite|"
                    + "le montant total|le solde total|l'intégralité|todo el saldo|el saldo total|el importe total|la totalidad|"
                    + "todo lo que debemos|den (?:gesamten|vollen|ganzen|kompletten)(?: offenen| ausstehenden| restlichen)? betrag|"
                    + "importe íntegro|el monto total|el saldo íntegro|den vollen betrag|den gesamtbetrag|die gesamte summe|"
                    + "den kompletten betrag|alles auf einmal|the outstanding balance|the total balance|the total amount|"
                    + "the whole invoice|the entire invoice|the entire amount|everything owed|tout le montant|todo el importe|"
                    + "la deuda completa|la deuda total|den offenen betrag|den ganzen betrag|die ganze summe|die gesamtsumme|"
                    + "el pago completo|pago total|todo junto|de una vez|"
                    + "en un solo pago|lo adeudado|todo lo pendiente|íntegramente|integramente|en su totalidad|intégralement|"
                    + "en totalité|in voller höhe|(?:vollständig|komplett)(?= (?:beglichen|bezahlt|überwiesen|gezahlt|zahlen|"
                    + "begleichen|überweisen))|"
                    // what is owed and the total are the whole when paid ("tell us what we owe" asks; "el total es"
                    // states)
                    + "(?<=(?:pay|send|settle|clear|pagar|pagaremos|pagamos|pagaré|liquidar|liquidaremos|abonar) )"
                    + "(?:lo que debemos|el total|the total|le total)(?!\\s+(?:of|is|was|de|es|est|ist)\\b))\\b");
    private static final Map<String, BigDecimal> SHARES = Map.ofEntries(
            Map.entry("un tiers", new BigDecimal("0.3333")),
            Map.entry("un tercio", new BigDecimal("0.3333")),
            Map.entry("una tercera parte", new BigDecimal("0.3333")),
            Map.entry("ein drittel", new BigDecimal("0.3333")),
            Map.entry("deux tiers", new BigDecimal("0.6667")),
            Map.entry("dos tercios", new BigDecimal("0.6667")),
            Map.entry("zwei drittel", new BigDecimal("0.6667")),
            Map.entry("un quart", new BigDecimal("0.25")),
            Map.entry("un cuarto", new BigDecimal("0.25")),
            Map.entry("le quart", new BigDecimal("0.25")),
            Map.entry("le dernier quart", new BigDecimal("0.25")),
            Map.entry("le tiers", new BigDecimal("0.3333")),
            Map.entry("le dernier tiers", new BigDecimal("0.3333")),
            Map.entry("una cuarta parte", new BigDecimal("0.25")),
            Map.entry("la cuarta parte", new BigDecimal("0.25")),
            Map.entry("ein viertel", new BigDecimal("0.25")),
            Map.entry("trois quarts", new BigDecimal("0.75")),
            Map.entry("tres cuartos", new BigDecimal("0.75")),
            Map.entry("drei viertel", new BigDecimal("0.75")),
            Map.entry("half", new BigDecimal("0.50")),
            Map.entry("a third", new BigDecimal("0.3333")),
            Map.entry("one third", new BigDecimal("0.3333")),
            Map.entry("two thirds", new BigDecimal("0.6667")),
            Map.entry("a quarter", new BigDecimal("0.25")),
            Map.entry("one quarter", new BigDecimal("0.25")),
            Map.entry("three quarters", new BigDecimal("0.75")),
            Map.entry("la mitad", new BigDecimal("0.50")),
            Map.entry("la moitié", new BigDecimal("0.50")),
            Map.entry("die hälfte", new BigDecimal("0.50")));

    private Amounts() {}

    private static final Predicate<String> SYMBOLS = Needles.anyOf("$", "€", "£");
    private static final Predicate<String> CODES = Needles.anyOf("usd", "eur", "gbp", "cad", "aud", "mxn", "chf");
    private static final Predicate<String> WORDS_AFTER = Needles.anyOf(
            "dollar", "dólar", "dolar", "buck", "usd", "eur", "gbp", "pound", "cad", "aud", "mxn", "chf", "peso", "€",
            "£", "$");
    private static final Predicate<String> PERCENT_WORDS =
            Needles.anyOf("%", "percent", "per cent", "por ciento", "pour cent", "prozent");
    private static final Predicate<String> REST_WORDS = Needles.anyOf(
            "rest",
            "remain",
            "other half",
            "left",
            "queda",
            "reliquat",
            "balance",
            "solde",
            "saldo",
            "otra mitad",
            "demás",
            "autre moitié",
            "andere hälfte",
            "falta",
            "pendiente",
            "differen",
            "diferencia");
    private static final Predicate<String> SHARE_WORDS = Needles.anyOf(
            "half", "third", "quarter", "mitad", "moitié", "hälfte", "tiers", "quart", "tercio", "tercera", "cuarto",
            "cuarta", "drittel", "viertel");
    private static final Predicate<String> FULL_WORDS = Needles.anyOf(
            "full",
            "entire balance",
            "whole",
            "everything we owe",
            "all of it",
            "pay all",
            "pay it all",
            "totalit",
            "total",
            "intégralité",
            "todo",
            "gesamt",
            "vollen betrag",
            "kompletten",
            "auf einmal",
            "outstanding balance",
            "entire",
            "everything owed",
            "tout le montant",
            "deuda",
            "offenen betrag",
            "ganzen betrag",
            "ganze summe",
            "completo",
            "completa",
            "junto",
            "lump sum",
            "one go",
            "one payment",
            "una vez",
            "solo pago",
            "owe",
            "adeudado",
            "todo lo pendiente",
            "íntegr",
            "integr",
            "totalidad",
            "totalité",
            "voller höhe",
            "vollständig",
            "komplett",
            "debemos");

    static List<Amount> find(String text) {
        return find(text, false);
    }

    /**
     * Every sum and share a text states, for the guardrails reading a draft: no figure is judged a count, a rate or a
     * share of something else by the words around it, and bare figures without a sum's words are not read (a draft
     * states its sums as sums).
     */
    static List<Amount> stated(String text) {
        return find(text, true);
    }

    private static List<Amount> find(String text, boolean every) {
        // each pattern runs only where the words it needs are in the text (figures need a digit)
        String lower = text.toLowerCase(Locale.ROOT);
        boolean digits = Needles.hasDigit(text);
        StringBuilder rest = new StringBuilder(text);
        List<Map.Entry<Integer, Amount>> found = new ArrayList<>();
        if (digits) {
            mask(rest, NOT_MONEY);
            if (SYMBOLS.test(lower)) {
                collect(
                        rest,
                        SYMBOL,
                        found,
                        m -> exact(m.group(2), m.group(3), Optional.of(currencyOfSymbol(m.group(1)))));
            }
            if (CODES.test(lower)) {
                collect(
                        rest,
                        CODE_BEFORE,
                        found,
                        m -> exact(
                                m.group(2), m.group(3), Optional.of(m.group(1).toUpperCase(Locale.ROOT))));
            }
            if (WORDS_AFTER.test(lower)) {
                collect(rest, CODE_AFTER, found, m -> exact(m.group(1), m.group(2), currencyOfWord(m.group(3))));
            }
            int marked = found.size(); // sums with a currency: where there are some, a bare figure is a count
            if (PERCENT_WORDS.test(lower)) {
                collect(rest, PERCENT, found, m -> {
                    BigDecimal pct = new BigDecimal(m.group(1));
                    return pct.signum() > 0
                                    && pct.compareTo(BigDecimal.valueOf(100)) <= 0
                                    && (every || !aRateOrAShareOfSomethingElse(text, m.start(), m.end()))
                            ? Optional.of(Amount.share(pct.movePointLeft(2)))
                            : Optional.empty();
                });
            }
            if (lower.indexOf('k') >= 0) {
                collect(rest, THOUSANDS, found, m -> exact(m.group(1), "k", Optional.empty()));
            }
            if (lower.contains("grand")) {
                collect(rest, GRAND, found, m -> exact(m.group(1), "k", Optional.empty()));
            }
            if (lower.contains(" mil ")) {
                collect(rest, MIL, found, m -> exact(m.group(1), "k", currencyOfWord(m.group(2))));
            }
            if (lower.contains("mil") || lower.contains("tsd") || lower.contains("tausend") || lower.contains("mio")) {
                collect(
                        rest,
                        SCALED,
                        found,
                        m -> exact(m.group(1), "", Optional.empty())
                                .map(a -> Amount.exact(
                                        a.value()
                                                .multiply(BigDecimal.valueOf(scale(m.group(2))))
                                                .setScale(2),
                                        Optional.empty())));
            }
            // "of the 60 chairs": what a figure after a verb counts is not a sum either
            collect(
                    rest,
                    AFTER_VERB,
                    found,
                    m -> !every && countedAfter(text, m.end())
                            ? Optional.empty()
                            : exact(m.group(1), m.group(2), Optional.empty()));
            collect(
                    rest,
                    DOABLE,
                    found,
                    m -> notASumAfter(text, m.start(), m.end(), m.group(1))
                            ? Optional.empty()
                            : exact(m.group(1), m.group(2), Optional.empty()));
            if (lower.contains("zahl") || lower.contains("überw") || lower.contains("begleich")) {
                collect(rest, BEFORE_VERB_DE, found, m -> exact(m.group(1), m.group(2), Optional.empty()));
            }
            if (found.stream().anyMatch(e -> e.getValue().kind() == Amount.Kind.EXACT)) {
                // a lone digit is an hour or a count ("between 9 and 5 at …"), not the next payment
                collect(
                        rest,
                        AND_THEN,
                        found,
                        m -> exact(m.group(1), m.group(2), Optional.empty())
                                .filter(a -> a.value().compareTo(BigDecimal.TEN) >= 0));
            }
            collect(
                    rest,
                    BARE,
                    found,
                    m -> every
                                    || marked > 0
                                    || notASumAfter(text, m.start(), m.end(), m.group(1))
                                    || m.group(1).startsWith("0")
                            ? Optional.empty()
                            : exact(m.group(1), m.group(2), Optional.empty())
                                    .filter(a -> a.value().compareTo(BigDecimal.TEN) >= 0
                                            && a.value().compareTo(BigDecimal.valueOf(10_000_000)) <= 0));
        }
        if (lower.contains("hundred") || lower.contains("thousand") || lower.contains("grand")) {
            collect(
                    rest,
                    WORDS,
                    found,
                    m -> inWords(m.group(1))
                            .map(v -> Amount.exact(BigDecimal.valueOf(v).setScale(2), Optional.empty())));
        }
        if (lower.contains("mil")
                || lower.contains("cent")
                || lower.contains("hundert")
                || lower.contains("tausend")
                || lower.contains("ientos")) {
            collect(
                    rest,
                    COMPOUND,
                    found,
                    m -> Optional.of(
                            Amount.exact(BigDecimal.valueOf(compound(m)).setScale(2), Optional.empty())));
            collect(rest, WORDS_OTHER, found, m -> {
                int base = m.group(1) == null ? 1 : NUMBER_WORDS.get(m.group(1).toLowerCase(Locale.ROOT));
                int unit = OTHER_UNIT.get(m.group(2).toLowerCase(Locale.ROOT));
                return Optional.of(
                        Amount.exact(BigDecimal.valueOf((long) base * unit).setScale(2), Optional.empty()));
            });
        }
        if (REST_WORDS.test(lower)) {
            // "the remaining 300" is a sum, named where it stands, not the rest
            collect(
                    rest,
                    REST,
                    found,
                    m -> FIGURE_NEXT
                                    .matcher(text)
                                    .region(m.end(), text.length())
                                    .lookingAt()
                            ? Optional.empty()
                            : Optional.of(Amount.rest()));
        }
        if (SHARE_WORDS.test(lower)) {
            collect(
                    rest,
                    SHARE,
                    found,
                    m -> negated(text, m.start()) || !every && ofSomethingElse(text, m.end())
                            ? Optional.empty()
                            : Optional.of(Amount.share(share(m.group(1).toLowerCase(Locale.ROOT)))));
        }
        if (FULL_WORDS.test(lower)) {
            // the whole is one thing however many times it is named ("pay it all in one lump sum")
            collect(
                    rest,
                    FULL,
                    found,
                    m -> negated(text, m.start())
                                    || found.stream().anyMatch(e -> e.getValue().kind() == Amount.Kind.FULL)
                            ? Optional.empty()
                            : Optional.of(Amount.full()));
        }
        return found.stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .toList();
    }

    /**
     * The value of a run of English number words ("one thousand five hundred" 1500, "twenty-five hundred" 2500, "two
     * grand" 2000); empty when it names no hundreds or thousands ("two", "forty-five": counts and days).
     */
    static Optional<Long> inWords(String words) {
        long total = 0;
        long current = 0;
        boolean scaled = false;
        for (String w : words.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            switch (w) {
                case "and" -> {}
                case "hundred" -> {
                    current = Math.max(1, current) * 100;
                    scaled = true;
                }
                case "thousand", "grand" -> {
                    total += Math.max(1, current) * 1000;
                    current = 0;
                    scaled = true;
                }
                default -> current += NUMBER_WORDS.get(w);
            }
        }
        return scaled && total + current > 0 ? Optional.of(total + current) : Optional.empty();
    }

    /** A clause boundary: a sentence's end, a semicolon, a comma, or "but" and its kin. */
    private static final Pattern CLAUSE = Pattern.compile(
            "(?iuU)[;!?]|[.,](?!\\d)|\\b(?:but|however|pero|sino|mais|aber|sondern|seulement|solo|nur)\\b");
    /** Words that say a sum is out of reach ("the full amount at once is a stretch", "nicht auf einmal"). */
    private static final Pattern NEGATION =
            Pattern.compile("(?iuU)\\b(?:not|cannot|cant|wont|dont|couldnt|unable|no way|stretch|too much|"
                    + "impossible|imposible|unmöglich|difficult|difficile|difícil|nicht|kein|keine|pas)\\b|n't\\b|"
                    + "\\bno (?:podemos|puedo|es posible|vamos|alcanza)\\b");

    /**
     * Whether the clause around {@code at} says the sum is out of reach: "we can't do the full amount at once, but
     * 1,500 this week" names 1,500, not the whole.
     */
    static boolean negated(String text, int at) {
        int start = 0;
        int end = text.length();
        Matcher m = CLAUSE.matcher(text);
        while (m.find()) {
            if (m.end() <= at) {
                start = m.end();
            } else if (m.start() > at) {
                end = m.start();
                break;
            }
        }
        return NEGATION.matcher(text.substring(start, end)).find();
    }

    private static BigDecimal share(String words) {
        return SHARES.containsKey(words) ? SHARES.get(words) : SHARES.get("die " + words);
    }

    private static void collect(
            StringBuilder text,
            Pattern pattern,
            List<Map.Entry<Integer, Amount>> found,
            java.util.function.Function<Matcher, Optional<Amount>> read) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            read.apply(m).ifPresent(a -> found.add(Map.entry(m.start(), a)));
            spans.add(new int[] {m.start(), m.end()});
        }
        blank(text, spans);
    }

    private static void mask(StringBuilder text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        blank(text, spans);
    }

    private static void blank(StringBuilder text, List<int[]> spans) {
        for (int[] s : spans) {
            for (int i = s[0]; i < s[1]; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static Optional<Amount> exact(String number, String thousands, Optional<String> currency) {
        BigDecimal value = parse(number);
        if (thousands != null && !thousands.isBlank()) {
            value = value.multiply(BigDecimal.valueOf(1000));
        }
        if (value.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Amount.exact(value.setScale(2, RoundingMode.UNNECESSARY), currency));
    }

    /** "1,250.50" and "1.250,50" are both one thousand two hundred fifty and a half; "1,250" is 1250. */
    static BigDecimal parse(String number) {
        number = number.replaceAll("[ \\u00a0\\u202f'’]", "");
        int last = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
        if (last >= 0 && number.length() - last - 1 <= 2) {
            String whole = number.substring(0, last).replace(",", "").replace(".", "");
            return new BigDecimal(whole + "." + number.substring(last + 1));
        }
        return new BigDecimal(number.replace(",", "").replace(".", ""));
    }

    private static String currencyOfSymbol(String symbol) {
        return switch (symbol) {
            case "€" -> "EUR";
            case "£" -> "GBP";
            default -> "USD";
        };
    }

    private static Optional<String> currencyOfWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("eur") || w.equals("€")) {
            return Optional.of("EUR");
        }
        if (w.equals("gbp") || w.equals("pounds") || w.equals("£")) {
            return Optional.of("GBP");
        }
        if (w.equals("mxn") || w.startsWith("peso")) {
            return Optional.of("MXN");
        }
        if (w.equals("cad") || w.equals("aud")) {
            return Optional.of(w.toUpperCase(Locale.ROOT));
        }
        return Optional.of("USD");
    }
}
