package dev.aragent.agent.voice;

import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.spi.VoiceJournal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One call with a debtor, turn by turn, on the same brain as email and SMS. It opens with the AI disclosure and the
 * recording notice and asks for the contact by name; no account detail is said before they confirm. Each final
 * transcript goes through the collector (intent, policy engine, guardrails); a turn that promises money is read back
 * ("So that's $1,200.00 on Friday, November 13 — is that right?") and written only when confirmed, by voice or by
 * pressing 1. Asking for a person transfers the call with a summary. Every line is kept in the transcript.
 */
public final class VoiceSession {
    private static final Pattern YES = Pattern.compile(
            "(?i)^\\W*(?:yes|yeah|yep|yup|correct|right|that'?s right|that is right|speaking|this is (?:she|he|me|"
                    + "\\w+)|it is|that'?s me|sure|confirmed|exactly|affirmative|uh-?huh)\\b");
    private static final Pattern NO =
            Pattern.compile("(?i)^\\W*(?:no|nope|not|wrong|incorrect|that'?s not|negative)\\b");
    private static final Pattern PERSON = Pattern.compile(
            "(?i)\\b(?:speak|talk) (?:to|with) (?:a |an |some |the )?(?:person|human|someone|somebody|manager|agent|"
                    + "representative|real person)|\\b(?:human|real person|representative|operator)\\b");
    /** A card payment offered, or a card read out: we never take card details on a call. */
    private static final Pattern CARD = Pattern.compile(
            "(?i)\\b(?:(?:credit|debit) card|card (?:number|details)|pay (?:it |that |this )?(?:now )?(?:by|with|on) (?:a |my |the )?"
                    + "(?:credit |debit )?card|take (?:a |my )?(?:credit |debit )?card|pay (?:it )?over the phone|"
                    + "visa|master ?card|amex|american express|cvv|cvc|security code|expir(?:y|ation) date)\\b");
    /** A card number read out (12 to 19 digits, spaced or not) or the three or four digits after its security code. */
    private static final Pattern CARD_DIGITS = Pattern.compile(
            "(?<!\\d)(?:\\d[ -]?){11,18}\\d(?!\\d)|(?i)(?<=\\b(?:cvv|cvc|security code)\\W{0,3}(?:is\\W{1,3})?)\\d{3,4}\\b");

    /** Words that carry a date or an amount: a card mentioned with them is still a promise to read back. */
    private static final Pattern WHEN = Pattern.compile(
            "(?i)\\d|\\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|"
                    + "end of (?:the )?(?:week|month)|this week)\\b");

    /**
     * Texts the debtor of a call how to pay now (the reminder's words with the pay-now link, to the number we called);
     * true when a text carrying a link was queued.
     */
    @FunctionalInterface
    public interface PayByText {
        boolean text(TenantId tenant, CallBrief brief);

        static PayByText none() {
            return (tenant, brief) -> false;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);

    /** Where the call stands. */
    public enum Stage {
        VERIFYING,
        TALKING,
        READING_BACK,
        ENDED
    }

    private final TenantId tenant;
    private final String callSid;
    private final CallBrief brief;
    private final TurnTaker turnTaker;
    private final VoiceJournal journal;
    private final Clock clock;
    private Stage stage = Stage.VERIFYING;
    private Optional<TurnRecord> pending = Optional.empty();
    private int unclear;
    private long heardAt;
    private PayByText payByText = PayByText.none();
    private dev.aragent.agent.conversation.Remitted remitted = dev.aragent.agent.conversation.Remitted.NOBODY;
    private boolean linkTexted;

    private VoiceSession(
            TenantId tenant, String callSid, CallBrief brief, TurnTaker turnTaker, VoiceJournal journal, Clock clock) {
        this.tenant = tenant;
        this.callSid = callSid;
        this.brief = brief;
        this.turnTaker = turnTaker;
        this.journal = journal;
        this.clock = clock;
    }

    /** Starts the call's record; {@link #open()} gives the first words. */
    public static VoiceSession start(
            TenantId tenant, String callSid, CallBrief brief, TurnTaker turnTaker, VoiceJournal journal, Clock clock) {
        journal.started(tenant, callSid, brief.conversation(), clock.instant());
        return new VoiceSession(tenant, callSid, brief, turnTaker, journal, clock);
    }

    /** This call, texting the debtor a pay-now link when they offer to pay by card. */
    public VoiceSession withPayByText(PayByText payByText) {
        this.payByText = payByText;
        return this;
    }

    /** This call telling {@code remitted} what the debtor says about their payments ("I paid 1041 and 1043"). */
    public VoiceSession hearing(dev.aragent.agent.conversation.Remitted remitted) {
        this.remitted = remitted;
        return this;
    }

    public Stage stage() {
        return stage;
    }

    /** Phrases this call makes likely, for speech recognition: the contact's and the customer's names, the company. */
    public List<String> hints() {
        return List.of(brief.contactName(), brief.customerName(), brief.company());
    }

    /** The disclosure, the recording notice and the question who is speaking. No account detail. */
    public Say open() {
        return say(Say.listen("Hello, this is an automated assistant, an AI, calling from " + brief.company()
                + " accounts receivable. This call is recorded. Am I speaking with " + brief.contactName() + "?"));
    }

    /** A final transcript of what the debtor said. */
    public Say hear(String text) {
        String said = text.strip();
        // card details never reach the transcript, the brain or the model: only that they were said
        String words = CARD_DIGITS.matcher(said).replaceAll("[card details removed]");
        boolean readOut = !words.equals(said);
        boolean card = readOut || CARD.matcher(said).find();
        heardAt = System.nanoTime();
        journal.line(tenant, callSid, "debtor", words, clock.instant());
        return switch (stage) {
            case VERIFYING -> verify(words);
            case TALKING ->
                card
                        ? card(readOut || !WHEN.matcher(words).find() ? Optional.empty() : Optional.of(words))
                        : talk(words);
            case READING_BACK -> readBack(words);
            case ENDED -> Say.end("");
        };
    }

    /** A key pressed: 1 is yes, 2 is no, where a yes or no is asked. */
    public Say dtmf(String digit) {
        heardAt = System.nanoTime();
        journal.line(tenant, callSid, "debtor", "[pressed " + digit + "]", clock.instant());
        String as = digit.equals("1") ? "yes" : digit.equals("2") ? "no" : "";
        return switch (stage) {
            case VERIFYING -> verify(as);
            case READING_BACK -> readBack(as);
            case TALKING, ENDED -> Say.listen("");
        };
    }

    /** The debtor spoke over the agent: what they heard is kept, the conversation goes on from what they say next. */
    public void interrupted(String heard) {
        journal.line(tenant, callSid, "agent", "[interrupted after: " + heard.strip() + "]", clock.instant());
    }

    /** The line dropped or the protocol ended the call. */
    public void hangUp(String why) {
        journal.line(tenant, callSid, "agent", "[call ended: " + why + "]", clock.instant());
        if (stage != Stage.ENDED) {
            end(pending.isPresent() ? "hung_up_before_confirming" : "hung_up");
        }
    }

    private Say verify(String words) {
        if (YES.matcher(words).find()) {
            stage = Stage.TALKING;
            return say(Say.listen(
                    "Thank you. I'm calling about the " + brief.balance().format() + " open on " + invoices() + " for "
                            + brief.customerName() + ". When could you make a payment?"));
        }
        if (NO.matcher(words).find() || ++unclear > 1) {
            end("wrong_party");
            return say(Say.end("I'm sorry to have bothered you. Could you ask " + brief.contactName() + " to call "
                    + brief.company() + " accounts receivable back? Thank you, goodbye."));
        }
        return say(Say.listen("Sorry, I didn't catch that. Am I speaking with " + brief.contactName() + "?"));
    }

    private Say talk(String words) {
        if (PERSON.matcher(words).find() && brief.transferNumber().isPresent()) {
            return transfer("asked for a person");
        }
        var state = journal.state(tenant, brief.conversation());
        remitted.told(tenant, state.customer(), "call " + callSid, words);
        TurnRecord record = turnTaker.handle(
                tenant, state, words, Channel.VOICE, Optional.of(brief.contactName()), clock.instant());
        if (record.turn().reading().intent() == Intent.ESCALATION_REQUEST
                && brief.transferNumber().isPresent()) {
            return transfer("asked for a call with a person");
        }
        Optional<Terms> promised = record.turn().effects().stream()
                .filter(e -> e instanceof Effect.RecordPromises)
                .map(e -> ((Effect.RecordPromises) e).terms())
                .findFirst();
        if (promised.isPresent()) {
            pending = Optional.of(record);
            stage = Stage.READING_BACK;
            return say(Say.listen("So that's " + readBack(promised.get()) + " — is that right?"));
        }
        journal.commit(tenant, callSid, brief.conversation(), record, clock.instant());
        if (record.turn().effects().stream().anyMatch(e -> e instanceof Effect.RequestApproval)
                && brief.transferNumber().isPresent()) {
            return transfer("proposal needs approval: " + words);
        }
        return say(Say.listen(record.replyText()
                .map(VoiceSession::spoken)
                .orElse("I see. Is there a date you could make a payment?")));
    }

    /**
     * The debtor offers to pay by card, or reads one out: a call takes no card details (ConversationRelay is not PCI
     * compliant); the agent texts a link to pay online instead, once per call.
     */
    private Say card(Optional<String> alsoSaid) {
        String stop = "I can't take card details on a call, so please don't read them out.";
        String line;
        if (!linkTexted && payByText.text(tenant, brief)) {
            linkTexted = true;
            line = stop + " I've sent a text to this number with a secure link to pay the "
                    + brief.balance().format() + " online.";
        } else if (linkTexted) {
            line = stop + " The link in the text I sent takes the card securely.";
        } else {
            line = stop + " You can pay as our emails describe.";
        }
        if (alsoSaid.isEmpty()) {
            return say(Say.listen(line
                    + (linkTexted ? " Is there anything else I can help with?" : " When could the payment be made?")));
        }
        // "I'll pay by card on Friday": the link, then the promise as any other
        journal.line(tenant, callSid, "agent", line, clock.instant());
        Say next = talk(alsoSaid.get());
        return new Say(line + " " + next.text(), next.next(), next.transferTo(), next.summary());
    }

    private Say readBack(String words) {
        if (YES.matcher(words).find()) {
            journal.commit(tenant, callSid, brief.conversation(), pending.orElseThrow(), clock.instant());
            pending = Optional.empty();
            end("promise_confirmed");
            return say(Say.end("Thank you, that's confirmed. You'll also get it in writing. Goodbye."));
        }
        if (NO.matcher(words).find()) {
            pending = Optional.empty();
            stage = Stage.TALKING;
            return say(Say.listen("Sorry about that. What amount and date would work for you?"));
        }
        return say(Say.listen("Please say yes or no, or press 1 for yes and 2 for no. Is that right?"));
    }

    private Say transfer(String why) {
        end("transferred");
        String summary =
                brief.customerName() + " (" + brief.balance().format() + " open on " + invoices() + "): " + why + ".";
        return say(new Say(
                "Of course. I'm connecting you with our accounts receivable team now; please hold.",
                Say.Next.TRANSFER,
                brief.transferNumber(),
                Optional.of(summary)));
    }

    private void end(String outcome) {
        stage = Stage.ENDED;
        journal.ended(tenant, callSid, outcome, clock.instant());
    }

    /** Writes what the agent says, with how long the answer took when it answers the debtor. */
    private Say say(Say s) {
        if (!s.text().isBlank() && heardAt != 0) {
            journal.answered(
                    tenant,
                    callSid,
                    s.text(),
                    clock.instant(),
                    java.time.Duration.ofNanos(System.nanoTime() - heardAt));
        } else if (!s.text().isBlank()) {
            journal.line(tenant, callSid, "agent", s.text(), clock.instant());
        }
        heardAt = 0;
        return s;
    }

    private String invoices() {
        List<String> n = brief.invoiceNumbers();
        return n.size() == 1 ? "invoice " + n.getFirst() : "invoices " + String.join(", ", n);
    }

    /** "$1,200.00 on Friday, November 13, then $600.00 on Monday, December 14". */
    static String readBack(Terms t) {
        List<String> parts = new ArrayList<>();
        for (Installment i : t.installments()) {
            parts.add(i.amount().format() + " on " + DAY.format(i.due()));
        }
        return String.join(", then ", parts);
    }

    /** A drafted reply said aloud: no line breaks, no list marks. */
    static String spoken(String text) {
        return text.replaceAll("(?m)^\\s*[-•*]\\s*", "").replaceAll("\\s+", " ").strip();
    }
}
