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
 * @param fullYearsInNiche    whole years from {@code nicheSince} to {@code asOf}
 * @param latestRdExpense     R&D expense of the latest fiscal year given
 * @param latestRdRatio       R&D expense / revenue, latest fiscal year
 * @param newEquityLastTwoYears new equity raised in the last two years, CNY
 * @param mainBusinessShare   main-business revenue / revenue, latest fiscal year
 * @param debtRatio           total liabilities / total assets at the end of the latest fiscal year
 * @param lowerRdRatioOfLastTwoYears the lower of R&D expense / revenue in the latest two fiscal years (null unless both known)
 * @param rdRatioThreeYears   R&D expense / revenue summed over the latest three fiscal years (null unless all three known)
 * @param rdTotalThreeYears   R&D expense summed over the latest three fiscal years (null unless all three known)
 * @param rdPersonnelShare    研发人员 / employees
 * @param revenueCagrThreeYears compound annual growth of revenue from the third-latest to the latest fiscal year
 *                            ((latest / third-latest)^(1/2) - 1), null unless both are known
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
        Boolean hnteCertificateValid,
        LocalDate nicheSince,
        Integer fullYearsInNiche,
        BigDecimal latestRdExpense,
        BigDecimal latestRdRatio,
        BigDecimal newEquityLastTwoYears,
        Integer srdiScore,
        BigDecimal mainBusinessShare,
        BigDecimal debtRatio,
        BigDecimal lowerRdRatioOfLastTwoYears,
        BigDecimal rdRatioThreeYears,
        BigDecimal rdTotalThreeYears,
        BigDecimal rdPersonnelShare,
        Integer inventionPatents,
        BigDecimal revenueCagrThreeYears) {
}
