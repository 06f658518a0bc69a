package dev.aragent.agent.spi;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aragent.agent.conversation.EmailFacts;
import dev.aragent.agent.conversation.Reading;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link MailReader} on the JDK alone, for core tests that hand the desk real RFC 5322 bytes; {@link
 * MailReaderContract} checks it reads them as the real one does. It knows the shapes mail commonly takes: folded
 * headers with RFC 2047 words, a text/plain or text/html body or a multipart of them, 7bit, 8bit, quoted-printable and
 * base64, a delivery status report, an automatic reply's headers; in a person's reply it drops an "On … wrote:"
 * quotation, a trailing {@code >} block and what follows a "-- " line. What it cannot read is Unreadable, with why.
 */
public final class InMemoryMailReader implements MailReader {
    private static final int MAX_DEPTH = 40;
    private static final Pattern FIELD = Pattern.compile("([\\x21-\\x39\\x3b-\\x7e]+):[ \\t]*(.*)");
    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([\\w.-]+)\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)");
    private static final Pattern NAMED = Pattern.compile("(.*?)<([^<>]+)>\\s*");
    private static final Pattern QUOTATION_HEADER =
            Pattern.compile("(?i)on\\s.*\\swrote:|-{2,}\\s*original message\\s*-{2,}");
    private static final Pattern AUTO_SUBJECT =
            Pattern.compile("(?i)(auto(matic)?[ -]?(reply|response)|out of (the )?office)\\b.*");
    private static final Pattern UNSEEN = Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*/?\\s*(br|p|div|li|tr|h[1-6]|table|ul|ol)\\b[^>]*>");

    /** A header section and a body, both still as their bytes (one ISO-8859-1 character a byte), LF line ends. */
    private record Part(Map<String, String> headers, String body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        String type() {
            return header("content-type")
                    .map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                    .orElse("text/plain");
        }

        Optional<String> parameter(String name) {
            Matcher m = PARAMETER.matcher(header("content-type").orElse(""));
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase(name)) {
                    return Optional.of(m.group(3) != null ? m.group(3) : m.group(2));
                }
            }
            return Optional.empty();
        }
    }

    private record Mailbox(String address, Optional<String> name) {}

    /** What a walk through the parts found: the first text and HTML bodies, the recipients a report says failed. */
    private static final class Found {
        Optional<String> text = Optional.empty();
        Optional<String> html = Optional.empty();
        final List<String> failed = new ArrayList<>();
    }

    @Override
    public Reading read(byte[] raw) {
        if (raw.length == 0) {
            return new Reading.Unreadable("empty message");
        }
        try {
            return part(new String(raw, ISO_8859_1).replace("\r\n", "\n"))
                    .map(InMemoryMailReader::facts)
                    .orElseGet(() -> new Reading.Unreadable("no header section: not an RFC 5322 message"));
        } catch (RuntimeException e) {
            return new Reading.Unreadable("unreadable MIME: " + e.getMessage());
        }
    }

    private static Reading facts(Part message) {
        Optional<Mailbox> from = message.header("from").flatMap(InMemoryMailReader::mailbox);
        if (from.isEmpty()) {
            return new Reading.Unreadable("no sender (From) address");
        }
        Found found = new Found();
        walk(message, found, 0);
        String text = found.text
                .or(() -> found.html.map(InMemoryMailReader::htmlText))
                .orElse("");
        EmailFacts.Kind kind = kind(message, found);
        LinkedHashSet<String> references = new LinkedHashSet<>(
                message.header("references").map(InMemoryMailReader::ids).orElse(List.of()));
        message.header("in-reply-to").flatMap(v -> ids(v).stream().findFirst()).ifPresent(references::add);
        return new Reading.Read(new EmailFacts(
                message.header("message-id").flatMap(v -> ids(v).stream().findFirst()),
                from.get().address(),
                from.get().name(),
                message.header("to").map(InMemoryMailReader::addresses).orElse(List.of()),
                message.header("subject").map(InMemoryMailReader::decodeWords).orElse(""),
                List.copyOf(references),
                kind == EmailFacts.Kind.PERSONAL ? newText(text) : text.strip(),
                kind,
                found.failed));
    }

    /** A part of {@code text}: its unfolded header fields, then the body after the first empty line. */
    private static Optional<Part> part(String text) {
        if (text.startsWith("\n")) {
            return Optional.of(new Part(Map.of(), text.substring(1))); // no header fields: a MIME part may do that
        }
        int end = text.indexOf("\n\n");
        List<String> fields = new ArrayList<>();
        for (String line : (end < 0 ? text : text.substring(0, end)).split("\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.getLast() + line);
            } else {
                fields.add(line);
            }
        }
        if (fields.isEmpty() || !FIELD.matcher(fields.getFirst()).matches()) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String field : fields) {
            Matcher m = FIELD.matcher(field);
            if (m.matches()) {
                headers.putIfAbsent(
                        m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
            }
        }
        return Optional.of(new Part(headers, end < 0 ? "" : text.substring(end + 2)));
    }

    private static void walk(Part part, Found found, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("parts nested deeper than " + MAX_DEPTH + " levels");
        }
        String type = part.type();
        boolean attachment = part.header("content-disposition")
                .map(d -> d.toLowerCase(Locale.ROOT).startsWith("attachment"))
                .orElse(false);
        if (type.startsWith("multipart/")) {
            for (Part child : children(part)) {
                walk(child, found, depth + 1);
            }
        } else if (type.equals("message/delivery-status")) {
            found.failed.addAll(failedRecipients(decode(part)));
        } else if (!attachment && type.equals("text/plain") && found.text.isEmpty()) {
            found.text = Optional.of(decode(part));
        } else if (!attachment && type.equals("text/html") && found.html.isEmpty()) {
            found.html = Optional.of(decode(part));
        }
    }

    /** The parts between the boundary lines; the line end before a boundary belongs to the boundary. */
    private static List<Part> children(Part multipart) {
        String boundary = "--"
                + multipart
                        .parameter("boundary")
                        .orElseThrow(() -> new IllegalArgumentException("a multipart without a boundary"));
        List<String> texts = new ArrayList<>();
        StringBuilder current = null;
        for (String line : multipart.body().split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.equals(boundary) || l.equals(boundary + "--")) {
                if (current != null) {
                    texts.add(current.isEmpty() ? "" : current.substring(0, current.length() - 1));
                }
                current = l.equals(boundary) ? new StringBuilder() : null;
                if (current == null) {
                    break;
                }
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            texts.add(current.toString()); // no closing boundary: read what came, as lenient readers do
        }
        return texts.stream()
                .map(t -> part(t).orElseGet(() -> new Part(Map.of(), t)))
                .toList();
    }

    /** The body of a leaf part in its transfer encoding and charset (none or US-ASCII is read as UTF-8). */
    private static String decode(Part part) {
        String encoding =
                part.header("content-transfer-encoding").orElse("7bit").strip().toLowerCase(Locale.ROOT);
        byte[] bytes =
                switch (encoding) {
                    case "base64" -> Base64.getMimeDecoder().decode(part.body().getBytes(ISO_8859_1));
                    case "quoted-printable" -> quotedPrintable(part.body());
                    default -> part.body().getBytes(ISO_8859_1);
                };
        return new String(bytes, charset(part.parameter("charset").orElse("utf-8")));
    }

    private static Charset charset(String label) {
        if (label.equalsIgnoreCase("us-ascii")) {
            return UTF_8;
        }
        try {
            return Charset.forName(label);
        } catch (IllegalArgumentException e) {
            return UTF_8;
        }
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '=' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i += 2; // a soft line break
            } else if (c == '='
                    && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                out.write(c);
                i++;
            }
        }
        return out.toByteArray();
    }

    /** A header value with raw 8-bit bytes read as UTF-8 and RFC 2047 encoded words decoded. */
    private static String decodeWords(String value) {
        String text = new String(value.getBytes(ISO_8859_1), UTF_8).replaceAll("(\\?=)\\s+(=\\?)", "$1$2");
        Matcher m = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            byte[] bytes = m.group(2).equalsIgnoreCase("B")
                    ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, charset(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<Mailbox> mailbox(String value) {
        Matcher m = NAMED.matcher(value.strip());
        if (m.matches()) {
            String name = decodeWords(m.group(1)).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return Optional.of(new Mailbox(
                    m.group(2).strip().toLowerCase(Locale.ROOT),
                    name.isEmpty() ? Optional.empty() : Optional.of(name)));
        }
        String bare = value.strip();
        return bare.contains("@")
                ? Optional.of(new Mailbox(bare.toLowerCase(Locale.ROOT), Optional.empty()))
                : Optional.empty();
    }

    /** The addresses of an address list, split at the commas outside quotes and angle brackets. */
    private static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        boolean angled = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' || c == '>') {
                angled = c == '<';
            } else if (c == ',' && !quoted && !angled) {
                mailbox(value.substring(start, i)).ifPresent(b -> out.add(b.address()));
                start = i + 1;
            }
        }
        mailbox(value.substring(start)).ifPresent(b -> out.add(b.address()));
        return out;
    }

    /** The recipients a delivery status report (RFC 3464) gives the action "failed", in lower case. */
    private static List<String> failedRecipients(String report) {
        List<String> failed = new ArrayList<>();
        String recipient = "";
        for (String line : report.split("\n")) {
            Matcher m = FIELD.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            if (name.equals("final-recipient")) {
                recipient = value.substring(value.indexOf(';') + 1).strip().toLowerCase(Locale.ROOT);
            } else if (name.equals("action") && value.equalsIgnoreCase("failed") && !recipient.isEmpty()) {
                failed.add(recipient);
            }
        }
        return failed;
    }

    private static List<String> ids(String value) {
        return ID.matcher(value).results().map(r -> r.group(1)).toList();
    }

    private static EmailFacts.Kind kind(Part message, Found found) {
        if (message.parameter("report-type").orElse("").equalsIgnoreCase("delivery-status")
                || !found.failed.isEmpty()) {
            return EmailFacts.Kind.BOUNCE;
        }
        String submitted = message.header("auto-submitted").orElse("no").toLowerCase(Locale.ROOT);
        String precedence = message.header("precedence").orElse("").toLowerCase(Locale.ROOT);
        boolean robot = !submitted.startsWith("no")
                || message.header("x-autoreply").isPresent()
                || List.of("auto_reply", "bulk", "junk", "list").contains(precedence)
                || AUTO_SUBJECT
                        .matcher(decodeWords(message.header("subject").orElse("")))
                        .matches();
        return robot ? EmailFacts.Kind.AUTO_REPLY : EmailFacts.Kind.PERSONAL;
    }

    /** Readable lines of HTML: what is not shown dropped, blocks and breaks as line ends, tags gone, entities read. */
    private static String htmlText(String html) {
        String text = BREAK.matcher(UNSEEN.matcher(html).replaceAll(""))
                .replaceAll("\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        return Arrays.stream(text.split("\n"))
                .map(l -> l.replaceAll("\\s+", " ").strip())
                .filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /** A person's new text: above the quotation header, without a trailing {@code >} block or the signature. */
    private static String newText(String text) {
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        int end = 0;
        while (end < lines.size()
                && !QUOTATION_HEADER.matcher(lines.get(end).strip()).matches()) {
            end++;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, end));
        while (!kept.isEmpty()
                && (kept.getLast().isBlank() || kept.getLast().stripLeading().startsWith(">"))) {
            kept.removeLast();
        }
        int signature = 1;
        while (signature < kept.size() && !kept.get(signature).strip().equals("--")) {
            signature++;
        }
        return String.join("\n", kept.subList(0, Math.min(signature, kept.size())))
                .strip();
    }
}
