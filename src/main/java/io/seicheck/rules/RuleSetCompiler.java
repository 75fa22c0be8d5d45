package io.seicheck.rules;

import io.seicheck.rules.facts.RuleMeta;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Compiles the files of a rule set into a KieBase; any error stops it, naming file and line. */
public final class RuleSetCompiler {

    private static final YAMLMapper YAML = new YAMLMapper();

    public RuleSet compile(String folder, RuleSetFiles files) {
        RuleSetDescriptor descriptor = describe(folder, files);
        String hash = files.sha256();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        String packagePath = "src/main/resources/" + descriptor.packageName().replace('.', '/') + "/";
        int ruleFiles = 0;
        for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
            String path = file.getKey();
            if (isRuleFile(path)) {
                kfs.write(packagePath + path, ks.getResources().newByteArrayResource(file.getValue()).setSourcePath(path));
                ruleFiles++;
            }
        }
        if (ruleFiles == 0) {
            throw new RuleCompilationException("Rule set " + folder + " has no .drl or .drl.csv file");
        }
        ReleaseId releaseId = ks.newReleaseId("io.seicheck.rulesets", descriptor.id(), "0.0.0-" + hash.substring(0, 16));
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            StringBuilder text = new StringBuilder("Rule set " + folder + " does not compile:");
            for (Message error : errors) {
                text.append("\n  ").append(relative(error.getPath(), packagePath)).append(':').append(error.getLine())
                        .append(": ").append(error.getText().strip());
            }
            throw new RuleCompilationException(text.toString());
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        return new RuleSet(descriptor, files, hash, kieBase, listRules(kieBase, folder));
    }

    public static boolean isRuleFile(String path) {
        return path.endsWith(".drl") || path.endsWith(".drl.csv");
    }

    private static List<RuleInfo> listRules(KieBase kieBase, String folder) {
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                String source = impl.getResource() == null ? null : impl.getResource().getSourcePath();
                RuleMeta meta;
                try {
                    meta = RuleMeta.from(rule.getName(), rule.getMetaData());
                } catch (IllegalStateException e) {
                    throw new RuleCompilationException("Rule set " + folder + ", " + source + ": " + e.getMessage(), e);
                }
                // parsed once here, read by every consequence that records a finding
                impl.addMetaAttribute(RuleMeta.PARSED, meta);
                rules.add(new RuleInfo(rule.getName(), source, meta, day(impl.getDateEffective()),
                        day(impl.getDateExpires())));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::name));
        return List.copyOf(rules);
    }

    /** A rule date (Drools parses it as local midnight) as the calendar day it names. */
    private static java.time.LocalDate day(java.util.Calendar calendar) {
        return calendar == null ? null : java.time.LocalDate.of(calendar.get(java.util.Calendar.YEAR),
                calendar.get(java.util.Calendar.MONTH) + 1, calendar.get(java.util.Calendar.DAY_OF_MONTH));
    }

    private static String relative(String path, String packagePath) {
        return path != null && path.startsWith(packagePath) ? path.substring(packagePath.length()) : path;
    }

    private static RuleSetDescriptor describe(String folder, RuleSetFiles files) {
        String yaml = files.text("ruleset.yaml")
                .orElseThrow(() -> new RuleCompilationException("Rule set " + folder + " has no ruleset.yaml"));
        JsonNode node = YAML.readTree(yaml.getBytes(StandardCharsets.UTF_8));
        String id = required(node, "id", folder);
        if (!id.equals(folder)) {
            throw new RuleCompilationException("Rule set folder " + folder + " declares id " + id);
        }
        List<String> documents = new ArrayList<>();
        node.path("documents").forEach(d -> documents.add(d.asString()));
        JsonNode to = node.path("effectiveTo");
        return new RuleSetDescriptor(id, required(node, "title", folder),
                LocalDate.parse(required(node, "effectiveFrom", folder)),
                to.isMissingNode() || to.isNull() ? null : LocalDate.parse(to.asString()),
                required(node, "package", folder), List.copyOf(documents), channels(node, folder));
    }

    private static List<ChannelGate> channels(JsonNode node, String folder) {
        JsonNode list = node.path("channels");
        if (!list.isArray() || list.isEmpty()) {
            throw new RuleCompilationException("Rule set " + folder + ": ruleset.yaml has no channels");
        }
        List<ChannelGate> channels = new ArrayList<>();
        for (JsonNode channel : list) {
            JsonNode membership = channel.path("seiMembership");
            if (!membership.isBoolean()) {
                throw new RuleCompilationException("Rule set " + folder + ": channel " + channel.path("code").asString()
                        + " must say seiMembership: true or false");
            }
            channels.add(new ChannelGate(required(channel, "code", folder), membership.asBoolean()));
        }
        return List.copyOf(channels);
    }

    private static String required(JsonNode node, String field, String folder) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new RuleCompilationException("Rule set " + folder + ": ruleset.yaml has no " + field);
        }
        return value.asString();
    }
}
