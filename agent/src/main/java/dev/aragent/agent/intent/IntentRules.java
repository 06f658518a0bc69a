package dev.aragent.agent.intent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cue phrases for each intent, with weights: what a collector would notice first. A weight of 2 or more is a strong
 * cue; a message may carry several intents, and {@link #PRIORITY} decides which one the playbook acts on first.
 */
final class IntentRules {
    static final double STRONG = 2.0;

    /** Which intent wins when a message carries several: the one that constrains what the agent may do most. */
    static final List<Intent> PRIORITY = List.of(
            Intent.OPT_OUT,
            Intent.AUTO_REPLY,
            Intent.WRONG_CONTACT,
            Intent.DISPUTE,
            Intent.PAID_ALREADY,
            Intent.ESCALATION_REQUEST,
            Intent.PAYMENT_PLAN_REQUEST,
            Intent.PROMISE_TO_PAY,
            Intent.HARDSHIP,
            Intent.INVOICE_COPY_REQUEST,
            Intent.PAYMENT_INFO_REQUEST,
            Intent.QUESTION,
            Intent.OTHER);

    private record Cue(Intent intent, double weight, Pattern pattern) {}

    private static final List<Cue> CUES = List.of(
            cue(
                    Intent.OPT_OUT,
                    3,
                    "^\\W*(?:stop|stopall|unsubscribe|cancel|end|quit)\\W*$|^\\W*(?:stop|stopall|unsubscribe)\\b|\\bunsubscribe\\b|\\bopt(?:[- ])?out\\b"
                            + "|\\bremove (?:me|us|this (?:email|address|number))\\b|\\btake (?:me|us) off\\b|\\bdo not (?:contact"
                            + "|email|e-mail|text|call|message)\\b|\\bdon'?t (?:contact|email|text|call|message) (?:me|us)\\b"
                            + "|\\bstop (?:emailing|texting|contacting|calling|messaging|sending)\\b|\\bcease (?:all )?(?:contact"
                            + "|communication)|\\bno more (?:emails|messages|texts|calls)\\b|\\bdejen de escribir|\\bne plus m"),
            cue(
                    Intent.AUTO_REPLY,
                    3,
                    "\\bout of (?:the )?office\\b|\\booo\\b"
                            + "|\\baway from (?:my desk|the office)\\b|\\blimited access to (?:e-?mail)\\b"
                            + "|\\bautomatic reply\\b|\\bauto[- ]?reply\\b|\\bwill (?:be )?(?:back|return)(?:ing)? (?:on|to the office)\\b"
                            + "|\\bI am currently (?:away|out)\\b|\\bthis mailbox is not monitored\\b|\\bno longer monitored\\b"
                            + "|\\babwesend\\b|\\bausser haus\\b|\\babsent du bureau\\b|\\bfuera de la oficina\\b"),
            cue(
                    Intent.PAID_ALREADY,
                    3,
                    "\\balready (?:been )?(?:paid|sent|settled|took care|taken care)|\\b(?:has|have|was|were)"
                            + " (?:already )?been paid\\b|\\b(?:we|i)(?:'ve| have)? (?:already )?paid\\b(?! (?:in|over))"
                            + "|\\bpaid (?:it|this|that|them|those|the (?:invoice|balance|bill|amount)|in full)\\b(?! (?:by|on"
                            + " (?:friday|monday|the)|next|tomorrow))|\\bpayment (?:was|has been|went) (?:sent|made|out|processed|"
                            + "issued|released|mailed|submitted)\\b|\\b(?:sent|mailed|wired|submitted|processed) (?:you )?(?:the |a |"
                            + "our )?(?:payment|check|cheque|wire|ach|funds|money)\\b|\\bcheck (?:is|was) (?:in the mail|mailed|"
                            + "sent|cashed)\\b|\\bcheck (?:#|number|no\\.?) ?\\d+|\\bconfirmation (?:number|#|code)\\b|\\btransaction"
                            + " (?:id|number|#)\\b|\\bremittance\\b|\\bcleared (?:our|the) bank\\b|\\bcashed (?:our|the) check\\b"
                            + "|\\bya (?:lo )?pag(?:amos|ué|ue)\\b|\\bdéjà (?:été )?pay|\\bbereits (?:bezahlt|überwiesen)\\b"
                            + "|\\btook care of (?:it|this|that) (?:last|already|yesterday|on)"),
            cue(
                    Intent.PROMISE_TO_PAY,
                    2,
                    "\\b(?:will|we'll|i'll|we will|i will|gonna|going to|plan to|intend to|expect to|"
                            + "should be able to|can|could|promise to|are able to)\\s+(?!not\\b|never\\b|you\\b)(?:\\w+\\s+)?(?:pay|send|process|release|wire|"
                            + "mail|cut|issue|settle|clear|transfer|get (?:it|this|you|the) (?:paid|payment|check|taken care))\\b"
                            + "|\\bpayment (?:will|should|is going to) (?:go out|be (?:sent|made|released|processed|issued|mailed))"
                            + "|\\bcheck (?:will be|is being|goes) (?:mailed|sent|cut|out)\\b|\\byou(?:'ll| will| should) (?:have|get|"
                            + "receive|see) (?:it|payment|the payment|a check|the check|the money|the funds)\\b|\\bnext (?:payment|"
                            + "check|pay) run\\b|\\bscheduled (?:for|it|the payment|payment)\\b|(?<!n'?t |cannot |unable to |not )\\bpay (?:it |this |the (?:balance"
                            + "|invoice) )?(?:on|by|before|this|next|tomorrow|today|friday|monday|end)\\b|\\bpagaremos\\b|\\bpagaré\\b"
                            + "|\\bnous (?:allons )?pa(?:ierons|yer)\\b|\\bpaierai\\b|\\bwerden\\b.{0,30}\\b(?:zahlen|überweisen)\\b"
                            + "|\\bwill be paid\\b|\\bwill have (?:it|the payment) (?:paid|sent|out)\\b|\\bin the mail (?:by|on|"
                            + "tomorrow|today|this)\\b|\\bpromise\\b"),
            cue(
                    Intent.PAYMENT_PLAN_REQUEST,
                    2.5,
                    "\\bpayment plan\\b|\\binstal?lments?\\b|\\bin (?:two|three|four|five|six|"
                            + "\\d) (?:payments|parts|chunks|pieces|tranches)\\b|\\bsplit (?:it|this|the|that|payment|our)\\b"
                            + "|\\bspread (?:it|this|that|the (?:payments?|balance|cost))(?: out)?\\b|\\bpay (?:it |this )?(?:off )?"
                            + "over (?:time|the next|\\d|two|three|four|six|a few)\\b|\\bmonthly payments?\\b|\\b(?:pay|do|send) "
                            + "\\S+ (?:a|per|each|every) (?:month|week|two weeks)\\b|\\bhalf now\\b|\\bpart now\\b|\\bsome now\\b"
                            + "|\\bpartial payments?\\b|\\bpay (?:a |in )?part\\b|\\barrangement\\b|\\bplan de pagos\\b|\\béchéancier\\b"
                            + "|\\bratenzahlung\\b|\\bin raten\\b|\\ben cuotas\\b|\\ben plusieurs fois\\b|\\b(?:now|today|friday)"
                            + " and (?:the rest|the remainder|the balance|another)\\b|\\bthe rest (?:in|on|by|next|at)\\b"),
            cue(
                    Intent.HARDSHIP,
                    2,
                    "\\bcash[- ]?flow\\b|\\b(?:money|cash|things) (?:is |are )?(?:very |really |super )?tight\\b"
                            + "|\\btight on (?:cash|money|funds)\\b|\\bcan'?t afford\\b|\\bcannot afford\\b|\\bunable to pay\\b|\\bcan'?t"
                            + " pay (?:it |this |that |the full |anything |right now|at the moment|in full)|\\bstruggling\\b|\\bhard"
                            + " times\\b|\\btough (?:time|month|quarter|year|spot)\\b|\\bslow (?:season|month|quarter)\\b|\\blost (?:a|our|"
                            + "two|one of our) (?:\\w+ )?(?:client|customer|contract)s?\\b|\\blaid off\\b|\\blayoffs?\\b|\\bbankrupt"
                            + "|\\bchapter (?:7|11)\\b|\\bclosing (?:down|our doors)\\b|\\bbehind on (?:everything|bills|payments)\\b"
                            + "|\\bwaiting (?:on|for) (?:a |our |my )?(?:customers?|clients?|funding|loan|insurance)\\b|\\bhardship\\b"
                            + "|\\bmedical\\b|\\bhospital\\b|\\bflood(?:ed|ing)?\\b|\\bfire\\b|\\bhurricane\\b|\\bno money\\b|\\bbroke\\b"
                            + "|\\bdificultades\\b|\\bdifficultés\\b|\\bschwierigkeiten\\b|\\bnot in a position to pay\\b"),
            cue(
                    Intent.DISPUTE,
                    2.5,
                    "\\bdisput(?:e|ing|ed)\\b|\\bcontest(?:ing)?\\b|\\bnot (?:going to|gonna) pay (?:for |this|that)"
                            + "|\\b(?:invoice|bill|charge) is (?:wrong|incorrect|not right)\\b|\\bwrong invoice\\b|\\berror on\\b"
                            + "|\\bmistake (?:on|in)\\b|\\bdoesn'?t match\\b|\\bdoes not match\\b|\\b(?:we (?:were|are) owed|promised"
                            + " us|waiting for) a credit\\b|\\bcredit (?:memo|note) (?:for|owed|was promised|never)\\b|\\breclamaci"
                            + "|\\bréclamation\\b|\\breklamation\\b|\\bwon'?t pay (?:for|this|that|until)\\b|\\brefuse to pay\\b"
                            + "|\\bnot (?:paying|pay) (?:for|this|that) until\\b"),
            cue(
                    Intent.WRONG_CONTACT,
                    2.5,
                    "\\bwrong (?:person|contact|email|e-mail|department|guy|number|company)\\b"
                            + "|\\bnot the (?:right|correct) (?:person|contact|department)\\b|\\bno longer (?:works?|with|at|here|"
                            + "employed|handles?|responsible|in charge)\\b|\\b(?:left|has left|retired from) the company\\b|\\bhas"
                            + " (?:left|retired)\\b|\\bdoesn'?t work here\\b|\\bnot my (?:department|responsibility|account)\\b|\\bI"
                            + " don'?t handle\\b|\\byou(?:'ve| have) (?:got|reached) the wrong\\b|\\bsold the (?:business|company)\\b"
                            + "|\\b(?:i|we) (?:left|moved (?:out of|from)) the (?:\\w+ )?(?:team|department|office)\\b"
                            + "|\\b(?:i|i'?ve|i have) moved to (?:\\w+ )?(?:sales|another (?:role|team|department)|a new role)\\b"
                            + "|\\bnew owners?\\b|\\bno soy la persona\\b|\\bpas la bonne personne\\b|\\bnicht (?:der|die) richtige\\b"
                            + "|\\bnot (?:the|a) (?:customer|client) of yours\\b|\\bplease (?:update|change) (?:your|the) (?:contacts?"
                            + "|contact)\\b|\\bnew (?:ap |billing |accounts payable )?contact\\b|\\bupdate (?:your|the) contact\\b"),
            cue(
                    Intent.WRONG_CONTACT,
                    1.5,
                    "\\bplease (?:contact|email|send (?:it|this|invoices|all invoices) to|reach out"
                            + " to|direct (?:this|it|future))\\b|\\bsend (?:future|all) (?:invoices|correspondence|emails)\\b"),
            cue(
                    Intent.INVOICE_COPY_REQUEST,
                    2.5,
                    "\\b(?:send|resend|re-send|forward|email|e-mail|need|want|get|provide|"
                            + "share|attach)\\s+(?:me |us |over )?(?:a |another |the |an )?(?:copy|copies|pdf|duplicate|itemi[sz]ed|"
                            + "statement|invoice copy)\\b|\\bcopy of (?:the |that |this |our |each )?(?:invoices?|bill|statement)"
                            + "|\\b(?:resend|re-send|send again|re-issue|reissue) (?:the |that |this |those )?(?:invoices?|bill)\\b"
                            + "|\\bnever (?:got|received|saw) (?:the|an|that|this|any|your) (?:invoice|bill)s?\\b|\\bcan'?t find"
                            + " (?:the|that|this|your) invoice\\b|\\bstatement of account\\b|\\bw-?9\\b|\\bproof of delivery\\b"
                            + "|\\bbackup documentation\\b|\\bcopia de la factura\\b|\\bcopie de la facture\\b|\\bkopie der rechnung\\b"),
            cue(
                    Intent.ESCALATION_REQUEST,
                    2.5,
                    "\\b(?:call|phone|ring) (?:me|us)\\b|\\bgive (?:me|us) a (?:call|ring)\\b"
                            + "|\\b(?:speak|talk) (?:to|with) (?:a |someone|somebody|a person|a human|a manager|your manager|your"
                            + " supervisor|a real)\\b|\\breal person\\b|\\bhuman being\\b|\\byour (?:manager|supervisor|boss)\\b"
                            + "|\\bescalate\\b|\\bcan (?:someone|somebody) call\\b|\\bby phone\\b|\\bover the phone\\b|\\bprefer to"
                            + " (?:talk|discuss|speak)\\b|\\bll[aá]m(?:e|ame|eme)\\b|\\bappelez-moi\\b|\\brufen sie mich an\\b"
                            + "|\\bcall back\\b|\\bcall (?:at|on) \\+?\\d"),
            cue(
                    Intent.QUESTION,
                    1,
                    "\\?|\\bwhat (?:is|are|does)\\b|\\bhow much\\b|\\bwhich invoice\\b|\\bwhy\\b|\\bcan you"
                            + " (?:tell|explain|confirm|clarify)\\b|\\bcould you (?:tell|explain|confirm|clarify)\\b|\\bdo you accept\\b"
                            + "|\\bhow (?:do|can) (?:i|we) pay\\b|\\bwhere (?:do|should) (?:i|we) send\\b|\\bbank details\\b|\\bpayment"
                            + " portal\\b|\\blink to pay\\b|\\bcredit card\\b|\\brouting number\\b|\\bremit[- ]to address\\b"),
            cue(
                    Intent.QUESTION,
                    1.5,
                    "\\b(?:do you accept|can (?:i|we) pay (?:by|with|online)|what(?:'s| is) the (?:balance"
                            + "|total|amount)|how much (?:do|is)|which (?:invoice|account)|what (?:is|was) this for|what are (?:the"
                            + " )?(?:late fees|your bank)|where (?:do|should) (?:i|we) (?:send|mail)|bank details|routing number)\\b"));

    private static final List<Cue> MORE = List.of(
            cue(
                    Intent.AUTO_REPLY,
                    3,
                    "\\b(?:i am|i'm|am|currently|presently) (?:\\w+ )?on (?:annual |parental |maternity |sick )?"
                            + "(?:leave|vacation|holiday)\\b|\\bon (?:annual |parental |maternity |sick )?(?:leave|vacation|holiday)"
                            + " (?:until|till|through)\\b"),
            cue(
                    Intent.PAID_ALREADY,
                    3,
                    "\\b(?:was|were) (?:already )?(?:paid|settled)\\b|\\bsettled (?:in full|with|on|last)\\b"),
            cue(
                    Intent.PAYMENT_PLAN_REQUEST,
                    2.5,
                    "\\b(?:the )?rest (?:in|on|by|next|at|later)\\b|\\b(?:now|today)\\b.{0,20}"
                            + "\\b(?:the )?(?:rest|remainder)\\b|\\bbreak (?:it|this|that|the balance) (?:up|into|down)\\b"
                            + "|\\bsmaller payments\\b"),
            cue(
                    Intent.HARDSHIP,
                    2,
                    "\\bcan'?t pay (?:anyone|anybody|you|now)\\b|\\bwaiting (?:on|for) (?:payment|money) from\\b"),
            cue(Intent.DISPUTE, 2.5, "\\b(?:INV-?\\d+|it|this|that|amount|total) is (?:wrong|incorrect|not right)\\b"),
            cue(
                    Intent.WRONG_CONTACT,
                    2.5,
                    "\\b(?:he|she|they) (?:retired|left|quit|moved on|passed away)\\b|\\bpersonal"
                            + " (?:email|e-mail|address|number|phone)\\b|\\b(?:use|write to|send (?:it|them|invoices|everything|"
                            + "billing) to)\\s+\\S+@\\S+"),
            cue(
                    Intent.INVOICE_COPY_REQUEST,
                    2.5,
                    "\\b(?:reissue|re-issue|resend|re-send)\\b|\\bsend (?:it|them|that|this)" + " again\\b"),
            cue(
                    Intent.ESCALATION_REQUEST,
                    2.5,
                    "\\bescalat(?:ed|ing|ion)\\b|\\b(?:who|where) (?:can|do|should) (?:i|we)" + " call\\b"),
            cue(
                    Intent.OTHER,
                    2,
                    "\\b(?:let me|i'?ll|we'?ll|i will|we will) (?:check|look into|get back|find out|confirm|ask|"
                            + "review)\\b|\\bget back to you\\b|\\blooking into (?:it|this)\\b|\\bwho is this\\b|\\bdisregard (?:my|the|"
                            + "our) (?:previous|last|earlier) (?:email|message)\\b|\\b(?:sent|went) (?:to you )?by mistake\\b"
                            + "|\\bforwarded (?:this|it) to\\b"),
            cue(
                    Intent.OTHER,
                    1.5,
                    "^\\W*(?:thanks|thank you|thx|ty|ok(?:ay)?|noted|received|got it|cheers|will do)\\W*$"
                            + "|\\bhave a (?:great|good|nice) (?:day|weekend|week|one)\\b"));

    private IntentRules() {}

    private static Cue cue(Intent intent, double weight, String regex) {
        return new Cue(
                intent,
                weight,
                Pattern.compile(
                        regex,
                        Pattern.CASE_INSENSITIVE
                                | Pattern.UNICODE_CASE
                                | Pattern.UNICODE_CHARACTER_CLASS
                                | Pattern.MULTILINE));
    }

    /** Summed cue weights per intent; only intents with a cue appear. */
    static Map<Intent, Double> score(String text) {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Cue cue :
                java.util.stream.Stream.concat(CUES.stream(), MORE.stream()).toList()) {
            java.util.regex.Matcher m = cue.pattern().matcher(text);
            if (m.find()) {
                scores.merge(cue.intent(), weight(cue, text, m.start()), Double::sum);
            }
        }
        return scores;
    }

    /** "Can I pay by Zelle?" asks; it does not promise: a promise cue inside a question counts as a weak one. */
    private static double weight(Cue cue, String text, int at) {
        if (cue.intent() != Intent.PROMISE_TO_PAY) {
            return cue.weight();
        }
        int end = at;
        while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end < text.length() && text.charAt(end) == '?' ? 1.0 : cue.weight();
    }
}
