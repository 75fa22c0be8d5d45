package io.seicheck.assessment;

import io.seicheck.rules.RuleSet;
import io.seicheck.rules.facts.RuleMeta;
import java.util.ArrayList;
import java.util.List;

/** Lets tests outside the package ask which languages lack a message for a rule's finding. */
public final class FindingMessagesProbe {

    private final FindingMessages messages;

    public FindingMessagesProbe(RuleSet ruleSet) {
        this.messages = new FindingMessages(ruleSet.id(), ruleSet.files());
    }

    public List<String> missingLanguages(RuleMeta meta, String outcome) {
        List<String> missing = new ArrayList<>();
        for (Language language : Language.values()) {
            if (messages.template(language, meta.id(), outcome, meta.variant()).isEmpty()) {
                missing.add(language.code());
            }
        }
        return missing;
    }
}
