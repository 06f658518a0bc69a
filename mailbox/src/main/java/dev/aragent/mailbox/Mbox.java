package dev.aragent.mailbox;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Splits an mbox file (mboxo or mboxrd) into raw messages, undoing the {@code >From } escaping. */
public final class Mbox {
    private Mbox() {}

    public static List<byte[]> split(byte[] mbox) {
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int start = 0;
        for (int i = 0; i <= mbox.length; i++) {
            if (i < mbox.length && mbox[i] != '\n') {
                continue;
            }
            int end = i < mbox.length ? i + 1 : i;
            if (start >= end) {
                break;
            }
            if (startsWith(mbox, start, "From ") && (start == 0 || mbox[start - 1] == '\n')) {
                if (current != null) {
                    messages.add(trimmed(current.toByteArray()));
                }
                current = new ByteArrayOutputStream();
            } else if (current != null) {
                int from = start;
                int gt = start;
                while (gt < end && mbox[gt] == '>') {
                    gt++;
                }
                if (gt > start && startsWith(mbox, gt, "From ")) {
                    from = start + 1; // mboxrd: one '>' less
                }
                current.write(mbox, from, end - from);
            }
            start = end;
        }
        if (current != null) {
            messages.add(trimmed(current.toByteArray()));
        }
        return messages;
    }

    private static boolean startsWith(byte[] data, int at, String prefix) {
        if (at + prefix.length() > data.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (data[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Drops the blank line mbox puts before the next "From " line. */
    private static byte[] trimmed(byte[] message) {
        int end = message.length;
        while (end > 0 && (message[end - 1] == '\n' || message[end - 1] == '\r')) {
            end--;
        }
        byte[] out = new byte[end + (end > 0 ? 1 : 0)];
        System.arraycopy(message, 0, out, 0, end);
        if (end > 0) {
            out[end] = '\n';
        }
        return out;
    }
}
