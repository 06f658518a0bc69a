package dev.aragent.riskmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aragent.agent.risk.AgingBaseline;
import dev.aragent.agent.risk.Calibrator;
import dev.aragent.agent.risk.Column;
import dev.aragent.agent.risk.ColumnBaseline;
import dev.aragent.agent.risk.Metrics;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Schema;
import dev.aragent.agent.spi.RiskLearner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trained models on disk, one JSON file per version ({@code risk-model-v0003.json}) holding the learner's model text,
 * the schema, calibration, aging baseline, training spans and held-out metrics. Files are written to a temporary name
 * and moved into place, so a reader never sees half a model; old versions stay for comparison and rollback.
 */
public final class ModelFiles {
    private static final Pattern NAME = Pattern.compile("risk-model-v(\\d{4,})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final RiskLearner learner;

    public ModelFiles(Path dir, RiskLearner learner) {
        this.dir = dir;
        this.learner = learner;
    }

    public Path dir() {
        return dir;
    }

    /** The version the next trained model gets. */
    public int nextVersion() {
        return versions().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** Writes {@code model} as its version's file and returns the path. */
    public Path save(RiskModel model) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(
                    String.format("risk-model-v%04d.json", model.info().version()));
            Path tmp = Files.createTempFile(dir, "risk-model", ".tmp");
            JSON.writeValue(tmp.toFile(), toJson(model));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model under " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The newest saved model, if any. */
    public Optional<RiskModel> latest() {
        return versions().stream()
                .max(Integer::compare)
                .map(v -> load(dir.resolve(String.format("risk-model-v%04d.json", v))));
    }

    /** One saved model. */
    public RiskModel load(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode info = root.path("info");
            List<Column> columns = new ArrayList<>();
            for (JsonNode c : root.path("schema")) {
                List<String> levels = new ArrayList<>();
                c.path("levels").forEach(l -> levels.add(l.asText()));
                columns.add(new Column(
                        c.path("name").asText(), c.path("categorical").asBoolean(), levels));
            }
            RiskModel.Info i = new RiskModel.Info(
                    info.path("version").asInt(),
                    Instant.parse(info.path("trainedAt").asText()),
                    info.path("horizonDays").asInt(),
                    info.path("kind").asText(),
                    info.path("trainRows").asInt(),
                    info.path("trainSpan").asText(),
                    info.path("testRows").asInt(),
                    info.path("testSpan").asText(),
                    info.path("rounds").asInt(),
                    metrics(info.path("test")),
                    metrics(info.path("baselineTest")),
                    candidates(info.path("candidates")),
                    info.path("why").asText(""));
            Schema schema = new Schema(columns);
            AgingBaseline baseline = new AgingBaseline(doubles(root.path("agingBaseline")));
            Calibrator calibration = new Calibrator(
                    doubles(root.path("calibration").path("scores")),
                    doubles(root.path("calibration").path("rates")));
            if (root.hasNonNull("rule")) {
                JsonNode r = root.path("rule");
                return RiskModel.rule(
                        i,
                        schema,
                        new ColumnBaseline(
                                r.path("column").asText(),
                                r.path("sign").asInt(),
                                calibration,
                                r.path("missingRate").asDouble()),
                        baseline);
            }
            if (!root.hasNonNull("model")) {
                return RiskModel.agingOnly(i, schema, baseline);
            }
            return RiskModel.learned(i, schema, learner.load(root.path("model").asText()), calibration, baseline);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read the risk model " + file + " (" + e.getMessage()
                            + "): retrain with `ar-agent risk train`",
                    e);
        }
    }

    private List<Integer> versions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> NAME.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode toJson(RiskModel model) {
        ObjectNode root = JSON.createObjectNode();
        RiskModel.Info i = model.info();
        ObjectNode info = root.putObject("info");
        info.put("version", i.version());
        info.put("trainedAt", i.trainedAt().toString());
        info.put("horizonDays", i.horizonDays());
        info.put("kind", i.kind());
        info.put("trainRows", i.trainRows());
        info.put("trainSpan", i.trainSpan());
        info.put("testRows", i.testRows());
        info.put("testSpan", i.testSpan());
        info.put("rounds", i.rounds());
        i.test().ifPresent(m -> info.set("test", metrics(m)));
        i.baselineTest().ifPresent(m -> info.set("baselineTest", metrics(m)));
        ArrayNode candidates = info.putArray("candidates");
        for (RiskModel.Candidate c : i.candidates()) {
            candidates
                    .addObject()
                    .put("name", c.name())
                    .put("description", c.description())
                    .set("test", metrics(c.test()));
        }
        info.put("why", i.why());
        model.rule()
                .ifPresent(r -> root.putObject("rule")
                        .put("column", r.column())
                        .put("sign", r.sign())
                        .put("missingRate", r.missingRate()));
        ArrayNode schema = root.putArray("schema");
        for (Column c : model.schema().columns()) {
            ObjectNode col = schema.addObject();
            col.put("name", c.name());
            col.put("categorical", c.categorical());
            ArrayNode levels = col.putArray("levels");
            c.levels().forEach(levels::add);
        }
        ObjectNode cal = root.putObject("calibration");
        ArrayNode scores = cal.putArray("scores");
        ArrayNode rates = cal.putArray("rates");
        for (double s : model.calibrator().scores()) {
            scores.add(s);
        }
        for (double r : model.calibrator().rates()) {
            rates.add(r);
        }
        ArrayNode baseline = root.putArray("agingBaseline");
        for (double r : model.baseline().rates()) {
            baseline.add(r);
        }
        model.scorer().ifPresent(s -> root.put("model", s.save()));
        return root;
    }

    private static ObjectNode metrics(Metrics m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("rows", m.rows());
        n.put("positives", m.positives());
        n.put("auc", m.auc());
        n.put("logLoss", m.logLoss());
        n.put("brier", m.brier());
        n.put("ece", m.ece());
        ArrayNode bins = n.putArray("calibration");
        for (Metrics.Bin b : m.bins()) {
            ObjectNode bin = bins.addObject();
            bin.put("from", b.from());
            bin.put("to", b.to());
            bin.put("count", b.count());
            bin.put("meanPredicted", b.meanPredicted());
            bin.put("observed", b.observed());
        }
        return n;
    }

    private static Optional<Metrics> metrics(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        List<Metrics.Bin> bins = new ArrayList<>();
        for (JsonNode b : n.path("calibration")) {
            bins.add(new Metrics.Bin(
                    b.path("from").asDouble(),
                    b.path("to").asDouble(),
                    b.path("count").asInt(),
                    b.path("meanPredicted").asDouble(),
                    b.path("observed").asDouble()));
        }
        return Optional.of(new Metrics(
                n.path("rows").asInt(),
                n.path("positives").asLong(),
                n.path("auc").asDouble(),
                n.path("logLoss").asDouble(),
                n.path("brier").asDouble(),
                n.path("ece").asDouble(),
                bins));
    }

    private static List<RiskModel.Candidate> candidates(JsonNode array) {
        List<RiskModel.Candidate> out = new ArrayList<>();
        for (JsonNode c : array) {
            metrics(c.path("test"))
                    .ifPresent(m -> out.add(new RiskModel.Candidate(
                            c.path("name").asText(), c.path("description").asText(), m)));
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
