package dev.aragent.console;

import dev.aragent.agent.queue.Workflow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last batch run as its steps, each with the count that came in and went on and, opened, the accounts it dropped
 * or kept with why.
 */
public record WorkflowView(Who who, boolean ran, String at, List<StepView> steps) {

    /** One step as the page shows it; {@code dropped} how many it left behind. */
    public record StepView(
            int number, String name, String words, int in, int out, int dropped, List<Workflow.Line> lines, int more) {}

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    static WorkflowView of(Who who, Optional<Workflow> run, ZoneId zone) {
        if (run.isEmpty()) {
            return new WorkflowView(who, false, "", List.of());
        }
        Workflow w = run.get();
        List<Workflow.Step> steps = w.steps();
        return new WorkflowView(
                who,
                true,
                WHEN.format(w.at().atZone(zone)),
                java.util.stream.IntStream.range(0, steps.size())
                        .mapToObj(k -> {
                            Workflow.Step s = steps.get(k);
                            return new StepView(
                                    k + 1,
                                    s.name(),
                                    s.words(),
                                    s.in(),
                                    s.out(),
                                    Math.max(0, s.in() - s.out()),
                                    s.lines(),
                                    Math.max(
                                            0,
                                            Math.max(s.in(), s.out())
                                                    - s.lines().size()));
                        })
                        .toList());
    }
}
