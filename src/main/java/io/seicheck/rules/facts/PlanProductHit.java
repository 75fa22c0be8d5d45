package io.seicheck.rules.facts;

/**
 * A product the profile names that names a product or direction of the 2020 plan ({@code item}), with the plan's
 * area and section, the class the item corresponds to (or null), where it sits in the plan ({@code path}) and
 * whether REFERENCE confirms the item.
 */
public record PlanProductHit(
        String product,
        String item,
        String area,
        int category,
        String section,
        String industryCode,
        String path,
        boolean verified) {

    /** The item with its section, as a finding shows it: "(六) charging and battery-swap stations". */
    public String itemInSection() {
        return section + " " + item;
    }

    /** The product and the item it names, as a membership finding lists it. */
    public String label() {
        return product + " → " + itemInSection();
    }

    /** The match this hit makes. */
    public Match match() {
        return new Match(area, category, path, industryCode, product, item, "NAMED_IN_PLAN");
    }
}
