package io.seicheck.catalogue;

/** A class (four digits) of GB/T 4754-2017 with the section, division and group it belongs to. */
public record IndustryClass(
        String code,
        String name,
        String section,
        String sectionName,
        String division,
        String divisionName,
        String group,
        String groupName) {
}
