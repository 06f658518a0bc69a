package dev.aragent.console;

import dev.aragent.agent.rules.RuleSheet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules form posted back, read as a draft: fields named as settings replace them; "remove" boxes drop a segment's,
 * a customer's or a policy's settings; the "add" rows become a new segment's or customer's settings, and a new
 * segment's or customer's policy starts as a copy of the tenant's.
 */
final class RuleForm {
    private RuleForm() {}

    /** The version the draft was begun on (the form's {@code based-on}), or -1 when it names none. */
    static int basedOn(Map<String, String> form) {
        try {
            return Integer.parseInt(form.getOrDefault("based-on", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code current} with what the form says. */
    static RuleSheet draft(RuleSheet current, Map<String, String> form) {
        Map<String, String> settings = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.startsWith("new-")
                    && !k.startsWith("remove.")
                    && !k.equals("csrf")
                    && !k.equals("based-on")
                    && !k.equals("comment")) {
                settings.put(k, v);
            }
        });
        RuleSheet draft = current.edited(settings);
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getKey().startsWith("remove.") && !e.getValue().isBlank()) {
                draft = draft.without(e.getKey().substring("remove.".length()));
            }
        }
        draft = added(draft, form, "new-segment.", "name", "segments.");
        draft = added(draft, form, "new-customer.", "id", "customers.");
        for (String scope : new String[] {"segment", "customer"}) {
            String name = form.getOrDefault("new-policy." + scope, "").strip();
            if (!name.isEmpty()) {
                String prefix = "policy." + scope + "s." + name + ".";
                Map<String, String> copy = new LinkedHashMap<>();
                draft.settings().forEach((k, v) -> {
                    if (k.startsWith("policy.")
                            && !k.startsWith("policy.segments.")
                            && !k.startsWith("policy.customers.")
                            && !k.equals("policy.version")) {
                        copy.put(prefix + k.substring("policy.".length()), v);
                    }
                });
                draft = draft.edited(copy);
            }
        }
        return draft;
    }

    /** The "add" row under {@code row} (named by its {@code nameField}) as settings under {@code prefix}NAME. */
    private static RuleSheet added(
            RuleSheet draft, Map<String, String> form, String row, String nameField, String prefix) {
        String name = form.getOrDefault(row + nameField, "").strip();
        if (name.isEmpty()) {
            return draft;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(row) && !k.equals(row + nameField)) {
                fields.put(prefix + name + "." + k.substring(row.length()), v);
            }
        });
        if (fields.getOrDefault(prefix + name + ".priority", "").isBlank()) {
            fields.put(prefix + name + ".priority", "1");
        }
        return draft.edited(fields);
    }
}
