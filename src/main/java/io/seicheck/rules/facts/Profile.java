package io.seicheck.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The firm as the rules see it: raw answers plus the measures the policy defines (ratios over the
 * right period). Every field may be null, which the rules turn into UNKNOWN.
 *
 * @param fullYearsRegistered whole years from registration to {@code asOf}
 * @param rdStaffShare        科技人员 / employees
 * @param latestRevenue       sales of the latest fiscal year given
 * @param rdIntensity         R&D expense / sales over the last three fiscal years (fewer if the firm is younger);
 *                            null when a year that should count is missing
 * @param rdYears             how many fiscal years {@code rdIntensity} spans
 * @param domesticRdShare     R&D spent in China / all R&D over the same years
 * @param highTechShare       high-tech product and service revenue / revenue, latest year
 * @param latestTotalAssets   total assets at the end of the latest fiscal year given
 * @param hnteCertificateValid whether an HNTE certificate is held that is valid on {@code asOf} (null: none stated)
 */
public record Profile(
        LocalDate asOf,
        LocalDate registeredOn,
        Integer fullYearsRegistered,
        Integer employees,
        Integer rdStaff,
        BigDecimal rdStaffShare,
        Boolean ownsCoreIp,
        Boolean hnteFieldSupported,
        BigDecimal latestRevenue,
        BigDecimal rdIntensity,
        Integer rdYears,
        BigDecimal domesticRdShare,
        BigDecimal highTechShare,
        BigDecimal innovationScore,
        Boolean majorIncidentLastYear,
        BigDecimal latestTotalAssets,
        Boolean abnormalOperationList,
        Boolean seriousDishonestyList,
        Integer techSmeScore,
        Integer techSmeStaffScore,
        Boolean hnteCertificateValid) {
}
