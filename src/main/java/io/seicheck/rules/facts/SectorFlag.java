package io.seicheck.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The project's industry class is named in a policy list (overcapacity, duplicated construction); inserted
 * by a decision-table row, whose own citation it carries.
 */
public record SectorFlag(String list, String sector, String code, Citation citation) {

    /** Built in a list row's consequence: the row's {@code @doc}, {@code @article} and {@code @verified}. */
    public static SectorFlag listedBy(RuleContext drools, String list, String sector, String code) {
        RuleMeta meta = RuleMeta.of(drools.getRule());
        return new SectorFlag(list, sector, code, meta.citation());
    }
}
