package io.seicheck.assessment;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.api.model.Company;
import io.seicheck.api.model.Financing;
import io.seicheck.api.model.FiscalYear;
import io.seicheck.api.model.Project;
import io.seicheck.catalogue.Catalogue;
import io.seicheck.web.InputError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks the contract's schema cannot express: credit-code check character, region codes, industry
 * classes that exist, fiscal years in order and not in the future, amounts of a sane size.
 */
final class InputChecks {

    /** One quadrillion yuan: more than any firm's figure, small enough that every ratio stays exact. */
    /** The largest amount accepted, in yuan; nothing larger is suggested either. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1E15");
    private static final int MAX_AMOUNT_SCALE = 2;
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");
    private static final java.util.regex.Pattern SIX_DIGITS = java.util.regex.Pattern.compile("\\d{6}");

    private InputChecks() {
    }

    static List<InputError> check(AssessmentRequest request, LocalDate asOf, Catalogue catalogue) {
        List<InputError> errors = new ArrayList<>();
        Company company = request.getCompany();
        if (company != null) {
            checkCompany(company, asOf, catalogue, errors);
        }
        Project project = request.getProject();
        if (project != null) {
            checkProject(project, catalogue, errors);
        }
        return errors;
    }

    private static void checkCompany(Company company, LocalDate asOf, Catalogue catalogue, List<InputError> errors) {
        if (company.getCreditCode() != null) {
            CreditCode.problem(company.getCreditCode())
                    .ifPresent(p -> errors.add(new InputError("/company/creditCode", p)));
        }
        checkRegion("/company/region", company.getRegion(), errors);
        if (company.getRegisteredOn() != null && company.getRegisteredOn().isAfter(asOf)) {
            errors.add(new InputError("/company/registeredOn", "is after the assessment date " + asOf));
        }
        if (company.getNicheSince() != null && company.getNicheSince().isAfter(asOf)) {
            errors.add(new InputError("/company/nicheSince", "is after the assessment date " + asOf));
        }
        checkAmount("/company/newEquityLastTwoYears", company.getNewEquityLastTwoYears(), errors);
        List<String> codes = company.getIndustryCodes();
        if (codes != null) {
            for (int i = 0; i < codes.size(); i++) {
                checkIndustry("/company/industryCodes/" + i, codes.get(i), catalogue, errors);
            }
        }
        List<FiscalYear> years = company.getFinancials();
        if (years != null) {
            checkYears(years, asOf, errors);
        }
        BigDecimal score = company.getInnovationScore();
        if (score != null && score.stripTrailingZeros().scale() > MAX_AMOUNT_SCALE) {
            errors.add(new InputError("/company/innovationScore", "must have at most two decimals"));
        }
    }

    private static void checkYears(List<FiscalYear> years, LocalDate asOf, List<InputError> errors) {
        for (int i = 0; i < years.size(); i++) {
            FiscalYear y = years.get(i);
            String at = "/company/financials/" + i;
            if (y.getYear() != null && y.getYear() > asOf.getYear()) {
                errors.add(new InputError(at + "/year", "fiscal year " + y.getYear() + " is after the assessment date "
                        + asOf));
            }
            if (i > 0 && y.getYear() != null && years.get(i - 1).getYear() != null
                    && y.getYear() != years.get(i - 1).getYear() - 1) {
                errors.add(new InputError(at + "/year", "fiscal years must be consecutive, latest first: expected "
                        + (years.get(i - 1).getYear() - 1) + ", got " + y.getYear()));
            }
            checkAmount(at + "/revenue", y.getRevenue(), errors);
            checkAmount(at + "/rdExpense", y.getRdExpense(), errors);
            checkAmount(at + "/rdExpenseDomestic", y.getRdExpenseDomestic(), errors);
            checkAmount(at + "/highTechRevenue", y.getHighTechRevenue(), errors);
            checkAmount(at + "/mainBusinessRevenue", y.getMainBusinessRevenue(), errors);
            checkAmount(at + "/totalAssets", y.getTotalAssets(), errors);
            checkAmount(at + "/totalLiabilities", y.getTotalLiabilities(), errors);
        }
    }

    private static void checkProject(Project project, Catalogue catalogue, List<InputError> errors) {
        if (project.getIndustryCode() != null) {
            checkIndustry("/project/industryCode", project.getIndustryCode(), catalogue, errors);
        }
        checkRegion("/project/region", project.getRegion(), errors);
        checkAmount("/project/totalInvestment", project.getTotalInvestment(), errors);
        List<Financing> financing = project.getFinancing();
        if (financing != null) {
            for (int i = 0; i < financing.size(); i++) {
                checkAmount("/project/financing/" + i + "/amount", financing.get(i).getAmount(), errors);
            }
        }
    }

    private static void checkIndustry(String pointer, String code, Catalogue catalogue, List<InputError> errors) {
        if (code != null && FOUR_DIGITS.matcher(code).matches() && !catalogue.exists(code)) {
            errors.add(new InputError(pointer, "'" + code + "' is not a class of GB/T 4754-2017"));
        }
    }

    private static void checkRegion(String pointer, String region, List<InputError> errors) {
        if (region != null && SIX_DIGITS.matcher(region).matches() && !PROVINCES.contains(region.substring(0, 2))) {
            errors.add(new InputError(pointer, "'" + region + "' does not start with a GB/T 2260 province code"));
        }
    }

    private static void checkAmount(String pointer, BigDecimal amount, List<InputError> errors) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            errors.add(new InputError(pointer, "must not be negative"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new InputError(pointer, "must not exceed 1E15 yuan"));
        } else if (amount.stripTrailingZeros().scale() > MAX_AMOUNT_SCALE) {
            errors.add(new InputError(pointer, "must have at most two decimals (fen)"));
        }
    }
}
