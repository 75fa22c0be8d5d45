package io.seicheck.rules;

/**
 * A support channel a rule set decides, as {@code ruleset.yaml} declares it: the findings whose rules name the
 * channel in {@code @affects} decide it, and SEI membership as well where {@code seiMembership} is true.
 *
 * @param code          the contract's channel code
 * @param seiMembership whether the channel is open only to what the plan counts as SEI
 */
public record ChannelGate(String code, boolean seiMembership) {
}
