package dev.aragent.agent.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other things a message names: invoice numbers, a new email address, phone number or contact name, the reason
 * for a dispute, and attempts to instruct the agent.
 */
final class Entities {
    private static final Pattern INVOICE = Pattern.compile(
            "(?iuU)\\bINV[- #]?(\\d{3,})\\b|\\binvoice\\s*(?:no\\.?|number|num|#)?\\s*:?\\s*#?\\s*(\\d{3,})\\b"
                    + "|\\bfactura\\s*(?:n[oº]\\.?|#)?\\s*(\\d{3,})\\b|\\bfacture\\s*(?:n[oº°]\\.?|#)?\\s*(\\d{3,})\\b"
                    + "|\\brechnung\\s*(?:nr\\.?|#)?\\s*(\\d{3,})\\b");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d-])(\\+?1[\\s.-]?)?\\(?(\\d{3})\\)?[\\s.-]?(\\d{3})[\\s.-]?(\\d{4})(?![\\d-])");
    private static final String NAME = "([A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){0,2})";
    private static final Pattern CONTACT_NAME = Pattern.compile("(?:(?i:contact|reach out to|speak (?:to|with)|talk to"
            + "|ask for|email|write to|send (?:it|this|them|invoices?) to|direct (?:this|it) to|forward (?:this|it) to"
            + "|cc|loop in|now handled by|handled by|handles|replaced by|taken over by|my colleague|our controller"
            + "|our ap (?:clerk|manager|team lead)|our accountant|the person is|person to contact is|new contact is"
            + "|contact is now|new ap contact is|goes to|managed by))\\s+" + NAME + "|" + NAME
            + "\\s+(?i:handles|now handles|is (?:now )?(?:the )?(?:right|correct|new) (?:person|contact)|took over"
            + "|is responsible|deals with|takes care of)");
    private static final List<String> NOT_NAMES = List.of(
            "Accounts",
            "Payable",
            "Billing",
            "The",
            "Our",
            "We",
            "I",
            "Please",
            "Thanks",
            "Thank",
            "Hi",
            "Hello",
            "Dear",
            "Him",
            "Her",
            "Them",
            "Me",
            "Us",
            "Finance",
            "Invoice",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "Accounting",
            "Support",
            "Team",
            "It",
            "This");
    private static final List<Reason> REASONS = List.of(
            new Reason(
                    "duplicate_charge",
                    "(?i)\\b(?:charged (?:us )?twice|double[- ]?(?:billed|charged|billing)"
                            + "|duplicate (?:invoice|charge|billing)|billed (?:us )?twice|already invoiced|same invoice twice)\\b"),
            new Reason(
                    "damaged_goods",
                    "(?i)\\b(?:damaged|broken|defective|faulty|cracked|dented|doesn'?t work"
                            + "|didn'?t work|not working|spoiled|arrived in pieces)\\b"),
            new Reason(
                    "not_received",
                    "(?i)\\b(?:(?:never (?:received|got)|not (?:received|delivered)|didn'?t (?:receive|get)|haven'?t (?:received|got))"
                            + "(?! (?:the |an |that |this |your |any |a )?(?:invoice|bill|statement|e-?mail|copy|pdf|reminder))"
                            + "|never (?:arrived|delivered|showed up)|didn'?t arrive|no delivery|never came"
                            + "|still waiting for (?:the )?(?:goods|order|delivery|shipment))\\b"),
            new Reason(
                    "short_shipment",
                    "(?i)\\b(?:short[- ](?:shipped|delivered|shipment)|(?:shipment|delivery|order) (?:was |came |arrived )?short|shorted|missing (?:items?|units|"
                            + "pieces|cases|pallets?)|only (?:received|got) \\d+|(?:received|got) \\d+ (?:\\w+ )?(?:units|cases|pallets|boxes|items|pieces)?,? (?:not|instead of|out of|of the) \\d+|quantity (?:is )?wrong|wrong quantity|partial"
                            + " delivery)\\b"),
            new Reason(
                    "pricing",
                    "(?i)\\b(?:pric(?:e|ing)\\b.{0,30}\\b(?:wrong|incorrect|off|too high|doesn'?t match)|quoted (?:a |us )?"
                            + "(?:lower|different|better)|(?:lower|higher|different) (?:rate|price)|wrong price|price (?:is )?wrong|overcharged|over-charged|overbilled|"
                            + "incorrect (?:price|amount|rate)|amount (?:is )?(?:wrong|incorrect)|agreed (?:price|rate)|quoted"
                            + " (?:price|us)|discount (?:was )?(?:not|never) applied|not the price|higher than)\\b"),
            new Reason(
                    "service_not_performed",
                    "(?i)\\b(?:service (?:was )?(?:never|not) (?:performed|done|"
                            + "completed)|work (?:was )?(?:never|not) (?:done|finished|completed)|never showed|no[- ]show)\\b"),
            new Reason(
                    "returned",
                    "(?i)\\b(?:returned (?:it|them|the|those|everything)|sent (?:it|them) back|"
                            + "return(?:ed)? (?:authorization|rma)|rma)\\b"),
            new Reason(
                    "not_ours",
                    "(?i)\\b(?:not ours|never ordered|didn'?t order|did not order|not our (?:order|"
                            + "invoice|account)|wrong (?:company|customer|account))\\b"),
            new Reason(
                    "terms", "(?i)\\b(?:net[- ]?60|net[- ]?90|terms (?:were|are|say)|payment terms|agreed terms)\\b"));
    /**
     * An instruction addressed to the system rather than to us: overriding its instructions, talking to the AI, the
     * model or the assistant by name, chat-template and comment markup, and orders to change the books ("mark as paid",
     * "set the balance to zero") — in English, Spanish, French and German.
     */
    private static final Pattern INJECTION = Pattern.compile(
            "(?iuU)\\b(?:ignore|disregard|forget|override|bypass|ignora|ignoren|ignorez|ignorer|ignoriere|ignorieren|"
                    + "olvida|olviden|oublie|oubliez|vergiss|vergessen sie)\\b.{0,40}"
                    + "(?:\\b(?:instructions?|prompts?|rules?|polic(?:y|ies)|guidelines|everything above|system|"
                    + "instrucciones|reglas|indicaciones|consignes|règles|anweisungen|instruktionen|regeln|vorgaben)\\b)"
                    + "|\\bsystem ?prompt\\b|\\byou are (?:now|no longer) (?:a|an|the|my|in)\\b|\\bact as\\b|\\bnew instructions\\b"
                    + "|\\b(?:note|message|instruction|hinweis|nachricht|anweisung|nota|mensaje|remarque)s? (?:to|for|an|für|"
                    + "para|pour|à) (?:the |die |das |den |la |le |l'|el |al )?(?:virtual |virtuelle[nm]? )?(?:ai|a\\.i\\.|ia|ki|"
                    + "bot|chatbot|assistant|assistent(?:en)?|asistente|assistente|agente?|model|modell|modelo|modèle|llm|"
                    + "system|sistema|système)\\b"
                    // "KI-Hinweis:", "AI note:", and an answer ordered from now on ("a partir de ahora responde que …")
                    + "|\\b(?:ki|ai|ia|bot)[- ]?(?:hinweis|note|nota|remarque|anweisung|instruction)\\b"
                    + "|\\b(?:from now on|going forward|ab jetzt|ab sofort|von nun an|a partir de ahora|desde ahora|"
                    + "de ahora en adelante|désormais|dorénavant|à partir de maintenant)\\b[^.!?\\n]{0,30}\\b(?:respond|reply|"
                    + "answer|responde|responda|contesta|antworte|antworten sie|réponds|répondez)\\b[^.!?\\n]{0,12}"
                    + "\\b(?:that|que|dass|qu')"
                    + "|\\b(?:respond|reply|answer|responde|responda|contesta|antworte|réponds|répondez)\\b[^.!?\\n]{0,15}"
                    + "\\b(?:from now on|ab jetzt|ab sofort|von nun an|a partir de ahora|desde ahora|désormais|dorénavant)\\b"
                    + "|\\b(?:dear|hey|attention|attn|hallo|liebe|querida|cher|chère) (?:ai|ia|ki|bot|assistant|model|llm)\\b"
                    + "|^\\W*(?:ai|ia|ki|llm|bot)\\s*[:,]|\\b(?:ai |ki-)?(?:assistant|assistent|asistente|assistente)\\s*[:,]"
                    + "|\\b(?:(?:as|als|como) (?:the |an? |der |die |el |la )?|en tant qu'\\s*(?:l')?)(?:ai|ia|ki|assistant|"
                    + "assistent|asistente|model|modell)\\b.{0,20}\\b(?:you|tu|du|usted|vous)\\b"
                    + "|\\b(?:admin|developer|debug|god) mode\\b|\\bmodo (?:desarrollador|administrador)\\b"
                    + "|\\bmode (?:développeur|administrateur)\\b|\\b(?:entwickler|admin)modus\\b"
                    + "|\\[/?inst\\]|<<\\s*/?sys\\s*>>|<\\|[a-z_]+\\|>|<!--.{0,300}?-->|#{2,}\\s*system"
                    + "|\\b(?:mark|set|flag|record|update)\\b.{0,40}\\b(?:as )?(?:paid|settled|closed|zero|written off|cleared)\\b"
                    + ".{0,30}\\b(?:in (?:your|the) (?:system|records|ledger)|now|immediately|everything|all)\\b"
                    + "|\\b(?:marca|marcar|marque|marquez|marquer|markiere|markieren|setze|setzen|pon|ponga|mets|mettez)\\b"
                    + ".{0,50}\\b(?:pagad[ao]s?|payée?s?|bezahlt|beglichen|saldad[ao]s?|réglée?s?|erledigt|null|cero|zéro)\\b"
                    + ".{0,40}\\b(?:sistema|système|system|ahora|maintenant|sofort|immédiatement|inmediatamente|todo|todas|"
                    + "tout|toutes|alles|alle)\\b"
                    + "|\\b(?:set|change|update)\\b.{0,20}\\bbalance\\b.{0,20}\\b(?:to )?(?:0|zero|\\$0)\\b"
                    + "|\\b(?:saldo|solde|kontostand)\\b.{0,20}\\b(?:auf|a|à|en)\\b.{0,5}\\b(?:0|null|cero|zéro)\\b"
                    + "|^\\s*(?:system|assistant)\\s*:|\\bjailbreak\\b|\\bdeveloper mode\\b"
                    + "|\\bapprove (?:a )?\\d+\\s?% discount\\b|\\bwrite off invoice\\b",
            Pattern.MULTILINE | Pattern.DOTALL);

    private record Reason(String code, Pattern pattern) {
        Reason(String code, String regex) {
            this(code, Pattern.compile(regex));
        }
    }

    private Entities() {}

    static List<String> invoiceNumbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = INVOICE.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    out.add("INV-" + m.group(g));
                }
            }
        }
        return out.stream().distinct().toList();
    }

    static Optional<String> email(String text) {
        Matcher m = EMAIL.matcher(text);
        return m.find() ? Optional.of(m.group().toLowerCase(Locale.ROOT).replaceAll("\\.$", "")) : Optional.empty();
    }

    /** The first North American phone number, as E.164. */
    static Optional<String> phone(String text) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            if (m.group(2).charAt(0) != '0' && m.group(2).charAt(0) != '1') {
                return Optional.of("+1" + m.group(2) + m.group(3) + m.group(4));
            }
        }
        return Optional.empty();
    }

    static Optional<String> contactName(String text) {
        Matcher m = CONTACT_NAME.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (name != null && !NOT_NAMES.contains(name.split("[ -]")[0])) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** A reason code and the debtor's own sentence, e.g. {@code damaged_goods: "half the pallets arrived broken"}. */
    static Optional<String> disputeReason(String text) {
        for (String sentence : text.split("(?<=[.!?\\n])\\s+")) {
            for (Reason r : REASONS) {
                if (r.pattern().matcher(sentence).find()) {
                    String said = sentence.strip().replaceAll("\\s+", " ");
                    if (said.length() > 200) {
                        said = said.substring(0, 197) + "...";
                    }
                    return Optional.of(r.code() + ": " + said);
                }
            }
        }
        return Optional.empty();
    }

    static boolean injection(String text) {
        return INJECTION.matcher(text).find();
    }
}
