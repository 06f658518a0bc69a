package dev.aragent.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Parses raw RFC 5322 messages with mime4j (lenient: long lines, many headers, bad encodings decoded as well as they
 * can be). Never throws on bad input: a message that cannot be read is {@link ParseResult.Quarantined} with the reason.
 */
public final class MailParser {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final int MAX_BYTES = 50 * 1024 * 1024;
    /** Parts nested deeper than this are refused: no mail client nests a reply so deep, an attack does. */
    static final int MAX_DEPTH = 40;
    /** More multipart or message/rfc822 headers than this and the message is refused before it is parsed. */
    static final int MAX_CONTAINERS = 1_000;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MailParser() {}

    public static ParseResult parse(byte[] raw) {
        if (raw.length == 0) {
            return new ParseResult.Quarantined("empty message");
        }
        if (raw.length > MAX_BYTES) {
            return new ParseResult.Quarantined(
                    "message of " + raw.length + " bytes exceeds the " + MAX_BYTES + "-byte limit");
        }
        int containers = containers(raw);
        if (containers > MAX_CONTAINERS) {
            return new ParseResult.Quarantined(
                    containers + " multipart or embedded-message parts exceed the limit of " + MAX_CONTAINERS);
        }
        Message message;
        try {
            message = builder().parseMessage(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            return new ParseResult.Quarantined("unreadable MIME: " + e.getMessage());
        } catch (StackOverflowError e) {
            return new ParseResult.Quarantined("parts nested too deeply to read");
        }
        try {
            if (message.getHeader() == null || message.getHeader().getFields().isEmpty()) {
                return new ParseResult.Quarantined("no header section: not an RFC 5322 message");
            }
            return new ParseResult.Parsed(read(message));
        } catch (IOException | RuntimeException e) {
            return new ParseResult.Quarantined("cannot decode the message: " + e);
        } catch (StackOverflowError e) {
            return new ParseResult.Quarantined("parts nested too deeply to read");
        } finally {
            message.dispose();
        }
    }

    /** How many headers open a container part (multipart or message/rfc822), counted in the raw bytes. */
    static int containers(byte[] raw) {
        String s = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int n = 0;
        for (String needle : new String[] {"multipart/", "message/rfc822"}) {
            for (int at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + needle.length())) {
                n++;
            }
        }
        return n;
    }

    static DefaultMessageBuilder builder() {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.custom()
                .setMaxLineLen(-1)
                .setMaxHeaderLen(-1)
                .setMaxHeaderCount(-1)
                .setMaxContentLen(-1)
                .build());
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        return builder;
    }

    private static Mail read(Message m) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Field f : m.getHeader().getFields()) {
            headers.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(decodeHeader(f.getBody()).strip());
        }
        Parts parts = new Parts();
        walk(m, "1", parts, (path, body) -> {});
        Optional<String> inReplyTo =
                first(headers, "in-reply-to").flatMap(v -> ids(v).stream().findFirst());
        LinkedHashSet<String> refs = new LinkedHashSet<>(
                first(headers, "references").map(MailParser::ids).orElse(List.of()));
        inReplyTo.ifPresent(refs::add);
        Optional<String> text = parts.text.or(() -> parts.html.map(HtmlText::of));
        return new Mail(
                Optional.ofNullable(m.getMessageId())
                        .flatMap(v -> ids(v).stream().findFirst())
                        .or(() -> bareId(m.getMessageId())),
                inReplyTo,
                List.copyOf(refs),
                sender(m),
                addresses(m.getTo() == null ? List.of() : m.getTo().flatten()),
                m.getReplyTo() == null
                        ? Optional.empty()
                        : m.getReplyTo().flatten().stream().findFirst().map(Mailbox::getAddress),
                first(headers, "subject")
                        .map(v -> v.replaceAll("\\s*\\r?\\n\\s*", " "))
                        .orElse(""),
                Optional.ofNullable(m.getDate()).map(d -> Instant.ofEpochMilli(d.getTime())),
                headers,
                text,
                parts.html,
                parts.attachments,
                parts.report);
    }

    private static Optional<Mail.Sender> sender(Message m) {
        MailboxList from = m.getFrom();
        if (from == null || from.isEmpty()) {
            return Optional.empty();
        }
        Mailbox box = from.get(0);
        return Optional.of(new Mail.Sender(
                box.getAddress().toLowerCase(Locale.ROOT),
                Optional.ofNullable(box.getName()).map(String::strip).filter(n -> !n.isEmpty())));
    }

    private static List<String> addresses(List<Mailbox> boxes) {
        return boxes.stream().map(b -> b.getAddress().toLowerCase(Locale.ROOT)).toList();
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    /** Message-IDs in a header value, without angle brackets, in order. */
    static List<String> ids(String value) {
        List<String> out = new ArrayList<>();
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Optional<String> bareId(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty() && !v.contains(" "));
    }

    /** What the walk collects. */
    private static final class Parts {
        Optional<String> text = Optional.empty();
        Optional<String> html = Optional.empty();
        final List<Mail.Attachment> attachments = new ArrayList<>();
        Optional<Mail.DeliveryReport> report = Optional.empty();
    }

    /**
     * Visits every leaf body depth-first. Paths follow mime4j's test naming: {@code 1} is the message's body, a
     * multipart's i-th part appends {@code _i}, an embedded message appends {@code _1}.
     */
    static void walk(Entity entity, String path, Parts parts, BiConsumer<String, SingleBody> leaf) throws IOException {
        if (path.chars().filter(c -> c == '_').count() > MAX_DEPTH) {
            throw new IOException("parts nested deeper than " + MAX_DEPTH + " levels");
        }
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            int i = 1;
            for (Entity part : multipart.getBodyParts()) {
                walk(part, path + "_" + i++, parts, leaf);
            }
            return;
        }
        if (body instanceof Message nested) {
            if (parts != null) {
                parts.attachments.add(
                        new Mail.Attachment("message/rfc822", Optional.ofNullable(entity.getFilename()), -1, ""));
            }
            walk(nested, path + "_1", parts, leaf);
            return;
        }
        if (!(body instanceof SingleBody single)) {
            return;
        }
        leaf.accept(path, single);
        if (parts != null) {
            collect(entity, single, parts);
        }
    }

    private static void collect(Entity entity, SingleBody body, Parts parts) throws IOException {
        String type = entity.getMimeType() == null
                ? "text/plain"
                : entity.getMimeType().toLowerCase(Locale.ROOT);
        boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType()) || entity.getFilename() != null;
        if (type.equals("message/delivery-status")) {
            parts.report = Optional.of(DeliveryStatus.read(new String(bytes(body), StandardCharsets.UTF_8)));
        }
        if (!attachment && body instanceof TextBody textBody && type.equals("text/plain") && parts.text.isEmpty()) {
            parts.text = Optional.of(text(textBody));
            return;
        }
        if (!attachment && body instanceof TextBody textBody && type.equals("text/html") && parts.html.isEmpty()) {
            parts.html = Optional.of(text(textBody));
            return;
        }
        if (attachment || body instanceof BinaryBody) {
            byte[] data = bytes(body);
            Optional<String> name = Optional.ofNullable(entity.getFilename());
            parts.attachments.add(new Mail.Attachment(
                    type, name, data.length, sha256(data), AttachmentText.of(type, name.orElse(""), data)));
        }
    }

    /**
     * A text body in its declared charset, except that Latin-1 and ASCII labels (often wrong in the wild) are read as
     * UTF-8 when the bytes are valid UTF-8, else as Windows-1252, as browsers do.
     */
    static String text(TextBody body) throws IOException {
        String label =
                body.getMimeCharset() == null ? "" : body.getMimeCharset().toLowerCase(Locale.ROOT);
        if (label.isEmpty() || label.equals("us-ascii") || label.equals("iso-8859-1") || label.equals("latin1")) {
            return lenient(bytes(body));
        }
        try (Reader reader = body.getReader()) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }

    static String lenient(byte[] data) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(data, WINDOWS_1252);
        }
    }

    /** RFC 2047 words decoded, with ISO-8859-1 read as its superset Windows-1252. */
    static String decodeHeader(String raw) {
        return DecoderUtil.decodeEncodedWords(
                raw, DecodeMonitor.SILENT, null, Map.of(StandardCharsets.ISO_8859_1, WINDOWS_1252));
    }

    static byte[] bytes(SingleBody body) throws IOException {
        try (InputStream in = body.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
