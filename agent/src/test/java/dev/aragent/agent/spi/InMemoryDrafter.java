package dev.aragent.agent.spi;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.DraftRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link Drafter} in memory, for core tests; {@link DrafterContract} checks it behaves as the real ones. It drafts as
 * a drafter with a model does, the model scripted: words given with {@link #nextWords} are the next draft, any
 * disclosure they leave out appended word for word (empty words stay an empty draft); {@link #failNext} makes the next
 * draft throw {@link TransientFailure}, as an endpoint that is down does. Unscripted, it words the brief plainly: whom,
 * which invoices and why (the strategy), the account's open balance, who signs, the disclosures.
 */
public final class InMemoryDrafter implements Drafter {
    /** What one draft does: these words, or fail. */
    private record Scripted(String words, boolean fails) {}

    private final Deque<Scripted> next = new ArrayDeque<>();
    private final List<DraftRequest> requests = new ArrayList<>();

    @Override
    public synchronized Draft draft(DraftRequest request) {
        requests.add(request);
        Scripted scripted = next.isEmpty() ? new Scripted(plain(request), false) : next.pop();
        if (scripted.fails()) {
            throw new TransientFailure("the scripted drafter failed, as told");
        }
        String words = scripted.words().strip();
        return new Draft(words.isEmpty() ? "" : withDisclosures(words, request), "in-memory");
    }

    /** The next draft is {@code words}, as a model wrote them. */
    public synchronized InMemoryDrafter nextWords(String words) {
        next.add(new Scripted(words, false));
        return this;
    }

    /** The next draft throws {@link TransientFailure}. */
    public synchronized InMemoryDrafter failNext() {
        next.add(new Scripted("", true));
        return this;
    }

    /** Every brief it was asked to word, in order. */
    public synchronized List<DraftRequest> requests() {
        return List.copyOf(requests);
    }

    /** "Hello Dana, about invoices INV-1, INV-2 (reminder): the open balance on the account is $1.00. Sam, Acme". */
    static String plain(DraftRequest r) {
        String invoices =
                r.invoices().stream().map(DraftRequest.InvoiceLine::number).collect(Collectors.joining(", "));
        return "Hello" + (r.greetingName().isBlank() ? "" : " " + r.greetingName()) + ", about "
                + (invoices.isEmpty() ? "your account" : "invoices " + invoices) + " ("
                + r.strategy().code()
                + "): the open balance on the account is " + r.balance().format() + ". " + r.senderName() + ", "
                + r.company();
    }

    private static String withDisclosures(String words, DraftRequest r) {
        String written = flat(words);
        List<String> missing =
                r.disclosures().stream().filter(d -> !written.contains(flat(d))).toList();
        String separator = r.channel() == Channel.EMAIL ? "\n\n" : " ";
        return missing.isEmpty() ? words : words + separator + String.join(separator, missing);
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
