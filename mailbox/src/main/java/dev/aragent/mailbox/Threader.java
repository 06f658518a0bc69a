package dev.aragent.mailbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jamie Zawinski's threading algorithm: containers linked by References and In-Reply-To (a message's own references
 * win over what others presumed), loops refused, empty containers pruned, then (optionally) roots with the same
 * subject gathered. Roots and children are ordered by the first message of each subtree in input order.
 */
public final class Threader {
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^\\s*((re|fw|fwd|aw|wg|sv|vs|antw|odp|tr|rv|ref)(\\[\\d+\\])?\\s*:\\s*|\\[[^\\]]{1,40}\\]\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private Threader() {}

    /** One message as threading sees it. {@code references} oldest first, In-Reply-To last. */
    public record Item(String messageId, String subject, List<String> references) {
        public Item {
            references = List.copyOf(references);
        }
    }

    /** A node of the result: a message, or (empty {@code item}) a placeholder for a missing or shared-subject parent. */
    public record Node(Optional<String> id, Optional<Item> item, List<Node> children) {}

    private static final class Container {
        final String id;
        Item item;
        int order = Integer.MAX_VALUE;
        Container parent;
        final List<Container> children = new ArrayList<>();

        Container(String id) {
            this.id = id;
        }

        boolean isAncestorOf(Container other) {
            for (Container c = other; c != null; c = c.parent) {
                if (c == this) {
                    return true;
                }
            }
            return false;
        }

        void setParent(Container p) {
            if (parent == p) {
                return;
            }
            if (parent != null) {
                parent.children.remove(this);
            }
            parent = p;
            if (p != null) {
                p.children.add(this);
            }
        }

        int firstOrder() {
            int min = order;
            for (Container c : children) {
                min = Math.min(min, c.firstOrder());
            }
            return min;
        }
    }

    /** The thread forest of {@code items}. */
    public static List<Node> thread(List<Item> items, boolean groupBySubject) {
        Map<String, Container> table = new LinkedHashMap<>();
        int order = 0;
        for (Item item : items) {
            Container c = table.computeIfAbsent(item.messageId(), Container::new);
            if (c.item != null) { // a second message with the same id: keep both, apart
                c = new Container(item.messageId() + "\u0000" + order);
                table.put(c.id, c);
            }
            c.item = item;
            c.order = order++;
            Container prev = null;
            for (String ref : item.references()) {
                Container r = table.computeIfAbsent(ref, Container::new);
                if (prev != null && r.parent == null && r != prev && !r.isAncestorOf(prev)) {
                    r.setParent(prev);
                }
                prev = r;
            }
            if (prev != null && (prev == c || c.isAncestorOf(prev))) {
                prev = null;
            }
            c.setParent(prev);
        }
        List<Container> roots = new ArrayList<>(
                table.values().stream().filter(x -> x.parent == null).toList());
        roots = prune(roots, true);
        if (groupBySubject) {
            roots = gather(roots);
        }
        return sorted(roots).stream().map(Threader::node).toList();
    }

    /** Drops empty leaves; lifts the children of an empty container into its place (at the root only if it has one). */
    private static List<Container> prune(List<Container> level, boolean root) {
        List<Container> out = new ArrayList<>();
        for (Container c : level) {
            List<Container> kids = prune(new ArrayList<>(c.children), false);
            c.children.clear();
            kids.forEach(k -> k.parent = c);
            c.children.addAll(kids);
            if (c.item == null && c.children.isEmpty()) {
                continue;
            }
            if (c.item == null && (!root || c.children.size() == 1)) {
                for (Container k : c.children) {
                    k.parent = root ? null : c.parent;
                    out.add(k);
                }
                c.children.clear();
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static List<Container> gather(List<Container> roots) {
        Map<String, Container> bySubject = new HashMap<>();
        for (Container r : roots) {
            String s = base(subjectOf(r));
            if (s.isEmpty()) {
                continue;
            }
            Container old = bySubject.get(s);
            if (old == null
                    || r.item == null && old.item != null
                    || old.item != null && isReply(old) && r.item != null && !isReply(r)) {
                bySubject.put(s, r);
            }
        }
        List<Container> out = new ArrayList<>();
        for (Container r : roots) {
            String s = base(subjectOf(r));
            Container owner = s.isEmpty() ? null : bySubject.get(s);
            if (owner == null || owner == r) {
                out.add(r);
                continue;
            }
            if (owner.item == null && r.item == null) {
                for (Container k : new ArrayList<>(r.children)) {
                    k.setParent(owner);
                }
            } else if (owner.item == null || !isReply(owner) && isReply(r)) {
                r.setParent(owner);
            } else if (isReply(owner) && !isReply(r)) {
                owner.setParent(r);
                out.remove(owner);
                bySubject.put(s, r);
                out.add(r);
            } else {
                Container dummy = new Container("");
                int at = out.indexOf(owner);
                owner.setParent(dummy);
                r.setParent(dummy);
                out.set(at, dummy);
                bySubject.put(s, dummy);
            }
        }
        return out;
    }

    private static String subjectOf(Container c) {
        if (c.item != null) {
            return c.item.subject();
        }
        return c.children.isEmpty() || c.children.getFirst().item == null
                ? ""
                : c.children.getFirst().item.subject();
    }

    private static boolean isReply(Container c) {
        return c.item != null && REPLY_PREFIX.matcher(c.item.subject()).lookingAt();
    }

    /** The subject without reply/forward prefixes and list tags, folded: "Re: [ar] Fwd: Invoice 4471" → "invoice 4471". */
    public static String base(String subject) {
        return REPLY_PREFIX
                .matcher(subject)
                .replaceFirst("")
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static List<Container> sorted(List<Container> level) {
        return level.stream()
                .sorted(Comparator.comparingInt(Container::firstOrder))
                .toList();
    }

    private static Node node(Container c) {
        Optional<String> id = c.id.isEmpty() ? Optional.empty() : Optional.of(c.id.split("\u0000")[0]);
        return new Node(
                id,
                Optional.ofNullable(c.item),
                sorted(c.children).stream().map(Threader::node).toList());
    }

    /**
     * For each message, the id of its nearest ancestor that is a message of the input; empty for a thread root. In
     * input order.
     */
    public static List<Map.Entry<String, String>> parents(List<Item> items, boolean groupBySubject) {
        Map<Item, String> parent = new java.util.IdentityHashMap<>();
        for (Node root : thread(items, groupBySubject)) {
            visit(root, "", parent);
        }
        return items.stream()
                .map(i -> Map.entry(i.messageId(), parent.getOrDefault(i, "")))
                .toList();
    }

    private static void visit(Node node, String nearest, Map<Item, String> parent) {
        String next = nearest;
        if (node.item().isPresent()) {
            parent.put(node.item().get(), nearest);
            next = node.item().get().messageId();
        }
        for (Node child : node.children()) {
            visit(child, next, parent);
        }
    }
}
