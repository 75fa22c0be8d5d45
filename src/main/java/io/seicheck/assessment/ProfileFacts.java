package io.seicheck.assessment;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.api.model.Company;
import io.seicheck.api.model.Compliance;
import io.seicheck.api.model.Financing;
import io.seicheck.api.model.FiscalYear;
import io.seicheck.api.model.Project;
import io.seicheck.api.model.ProjectKind;
import io.seicheck.catalogue.Catalogue;
import io.seicheck.catalogue.KeyProductRef;
import io.seicheck.catalogue.PlanKeyItems;
import io.seicheck.catalogue.ProductNames;
import io.seicheck.catalogue.SeiEntry;
import io.seicheck.rules.facts.CompanyFact;
import io.seicheck.rules.facts.FinancingFact;
import io.seicheck.rules.facts.FiscalYearFact;
import io.seicheck.rules.facts.HnteCertificate;
import io.seicheck.rules.facts.IndustryClaim;
import io.seicheck.rules.facts.KeyProductHit;
import io.seicheck.rules.facts.ImportClaim;
import io.seicheck.rules.facts.PlanProductHit;
import io.seicheck.rules.facts.ProductClaim;
import io.seicheck.rules.facts.Profile;
import io.seicheck.rules.facts.ProjectFact;
import io.seicheck.rules.facts.SeiEntryFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a request into the facts the rules reason about: the firm's measures as the policy defines them,
 * the industry classes and products it names, and what the catalogue says about them.
 */
final class ProfileFacts {

    /** Ratios keep 20 decimals, truncated: exact for every boundary the policy sets, never rounded up past one. */
    private static final int RATIO_SCALE = 20;
    private static final int RD_PERIOD_YEARS = 3;
    /** The STAR attributes measure R&D and growth over the latest three fiscal years. */
    private static final int STAR_PERIOD_YEARS = 3;

    private ProfileFacts() {
    }

    static List<Object> of(AssessmentRequest request, LocalDate asOf, Catalogue catalogue) {
        List<Object> facts = new ArrayList<>();
        Company company = request.getCompany();
        Project project = request.getProject();
        HnteCertificate certificate = hnteCertificate(company, asOf);
        facts.add(profile(company, asOf, certificate));
        facts.add(certificate);
        facts.add(new CompanyFact(company.getOwnership() == null ? null : company.getOwnership().getValue(),
                company.getRegion()));
        List<FiscalYear> years = orEmpty(company.getFinancials());
        for (int i = 0; i < years.size(); i++) {
            FiscalYear y = years.get(i);
            facts.add(new FiscalYearFact(i + 1, y.getYear(), y.getRevenue(), y.getRdExpense(), y.getRdExpenseDomestic(),
                    y.getHighTechRevenue(), y.getMainBusinessRevenue()));
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> companyCodes = orEmpty(company.getIndustryCodes());
        for (int i = 0; i < companyCodes.size(); i++) {
            if (codes.add(companyCodes.get(i))) {
                facts.add(new IndustryClaim(companyCodes.get(i), "company", i == 0));
            }
        }
        List<ProductClaim> products = new ArrayList<>();
        orEmpty(company.getProducts()).forEach(p -> products.add(claim(p, "company")));
        if (project != null) {
            if (project.getIndustryCode() != null && codes.add(project.getIndustryCode())) {
                facts.add(new IndustryClaim(project.getIndustryCode(), "project", false));
            }
            orEmpty(project.getProducts()).forEach(p -> products.add(claim(p, "project")));
            facts.add(project(project));
            List<Financing> financing = orEmpty(project.getFinancing());
            for (int i = 0; i < financing.size(); i++) {
                Financing f = financing.get(i);
                facts.add(new FinancingFact(i + 1, f.getChannel().getValue(), f.getInstrument().getValue(), f.getAmount(),
                        f.getTermMonths(), f.getPromisedReturn(), f.getCreditRating()));
            }
            for (String replaced : new LinkedHashSet<>(orEmpty(project.getReplacesImports()))) {
                facts.add(catalogue.planKeyItemNamedBy(replaced)
                        .map(k -> new ImportClaim(replaced, k.item(), k.area(), k.section()))
                        .orElse(new ImportClaim(replaced, null, null, null)));
            }
        }
        for (String code : codes) {
            for (SeiEntry e : catalogue.seiEntries(code)) {
                facts.add(new SeiEntryFact(code, e.category(), e.area(), e.path(), e.starred(), e.keyProducts()));
            }
        }
        facts.addAll(products);
        Set<KeyProductHit> hits = new LinkedHashSet<>();
        for (ProductClaim product : products) {
            for (KeyProductRef ref : catalogue.keyProductsNamedBy(product.name())) {
                SeiEntry e = ref.entry();
                hits.add(new KeyProductHit(e.code(), e.category(), e.area(), e.path(), product.name(), ref.keyProduct()));
            }
        }
        facts.addAll(hits);
        Set<PlanProductHit> planHits = new LinkedHashSet<>();
        for (ProductClaim product : products) {
            for (PlanKeyItems.Item item : catalogue.planItemsNamedBy(product.name())) {
                planHits.add(new PlanProductHit(product.name(), item.item(), item.area(), item.category(),
                        item.section(), item.industryCode(), item.path(), item.verified()));
            }
        }
        facts.addAll(planHits);
        return facts;
    }

    private static ProductClaim claim(String name, String source) {
        return new ProductClaim(name, ProductNames.normalize(name), source);
    }

    private static ProjectFact project(Project project) {
        ProjectKind kind = project.getKind();
        Boolean addsCapacity = kind == null ? null : kind == ProjectKind.NEW_CAPACITY || kind == ProjectKind.EXPANSION;
        return new ProjectFact(project.getIndustryCode(), kind == null ? null : kind.getValue(), addsCapacity,
                project.getCapacityReplacement(),
                project.getRestructuringClass() == null ? null : project.getRestructuringClass().getValue(),
                project.getRegion());
    }

    private static Profile profile(Company company, LocalDate asOf, HnteCertificate certificate) {
        LocalDate registeredOn = company.getRegisteredOn();
        Integer fullYears = registeredOn == null ? null : Period.between(registeredOn, asOf).getYears();
        List<FiscalYear> years = orEmpty(company.getFinancials());
        FiscalYear latest = years.isEmpty() ? null : years.get(0);
        List<FiscalYear> period = rdPeriod(years, registeredOn);
        BigDecimal rdIntensity = null;
        BigDecimal domesticShare = null;
        if (period != null) {
            BigDecimal revenue = sum(period, FiscalYear::getRevenue);
            BigDecimal rd = sum(period, FiscalYear::getRdExpense);
            rdIntensity = revenue == null || rd == null ? null : ratio(rd, revenue);
            BigDecimal domestic = sum(period, FiscalYear::getRdExpenseDomestic);
            // with no R&D at all, none of it was spent abroad: the 60% condition holds vacuously
            domesticShare = rd == null || domestic == null ? null
                    : rd.signum() == 0 ? BigDecimal.ONE : ratio(domestic, rd);
        }
        Compliance compliance = company.getCompliance();
        return new Profile(asOf, registeredOn, fullYears, company.getEmployees(), company.getRdStaff(),
                company.getRdStaff() == null || company.getEmployees() == null ? null
                        : ratio(BigDecimal.valueOf(company.getRdStaff()), BigDecimal.valueOf(company.getEmployees())),
                company.getOwnsCoreIp(), company.getHnteFieldSupported(),
                latest == null ? null : latest.getRevenue(), rdIntensity, period == null ? null : period.size(),
                domesticShare,
                latest == null ? null : ratio(latest.getHighTechRevenue(), latest.getRevenue()),
                company.getInnovationScore(), compliance == null ? null : compliance.getMajorIncidentLastYear(),
                latest == null ? null : latest.getTotalAssets(),
                compliance == null ? null : compliance.getAbnormalOperationList(),
                compliance == null ? null : compliance.getSeriousDishonestyList(),
                company.getTechSmeScore(), company.getTechSmeStaffScore(), certificate.valid(),
                company.getNicheSince(),
                company.getNicheSince() == null ? null : Period.between(company.getNicheSince(), asOf).getYears(),
                latest == null ? null : latest.getRdExpense(),
                latest == null ? null : ratio(latest.getRdExpense(), latest.getRevenue()),
                company.getNewEquityLastTwoYears(), company.getSrdiScore(),
                latest == null ? null : ratio(latest.getMainBusinessRevenue(), latest.getRevenue()),
                latest == null ? null : ratio(latest.getTotalLiabilities(), latest.getTotalAssets()),
                lowerRdRatioOfLastTwoYears(years),
                years.size() < STAR_PERIOD_YEARS ? null : ratio(sum(years.subList(0, STAR_PERIOD_YEARS),
                        FiscalYear::getRdExpense), sum(years.subList(0, STAR_PERIOD_YEARS), FiscalYear::getRevenue)),
                years.size() < STAR_PERIOD_YEARS ? null : sum(years.subList(0, STAR_PERIOD_YEARS), FiscalYear::getRdExpense),
                company.getRdPersonnel() == null || company.getEmployees() == null ? null
                        : ratio(BigDecimal.valueOf(company.getRdPersonnel()), BigDecimal.valueOf(company.getEmployees())),
                company.getInventionPatents(), revenueCagr(years));
    }

    /** The lower of the R&D ratios of the latest two fiscal years (little giant: "in each of the last two years"). */
    private static BigDecimal lowerRdRatioOfLastTwoYears(List<FiscalYear> years) {
        if (years.size() < 2) {
            return null;
        }
        BigDecimal latest = ratio(years.get(0).getRdExpense(), years.get(0).getRevenue());
        BigDecimal before = ratio(years.get(1).getRdExpense(), years.get(1).getRevenue());
        return latest == null || before == null ? null : latest.min(before);
    }

    /**
     * Compound annual growth of revenue over the latest three fiscal years: two steps of growth, from the third-latest
     * year to the latest. Truncated like every ratio, so a boundary is never reached by rounding up.
     */
    private static BigDecimal revenueCagr(List<FiscalYear> years) {
        if (years.size() < STAR_PERIOD_YEARS) {
            return null;
        }
        BigDecimal growth = ratio(years.get(0).getRevenue(), years.get(STAR_PERIOD_YEARS - 1).getRevenue());
        return growth == null ? null
                : growth.sqrt(new java.math.MathContext(RATIO_SCALE, RoundingMode.DOWN)).subtract(BigDecimal.ONE);
    }

    /**
     * The HNTE certificate as of {@code asOf}: valid that day, expired, undated (a certificate lasts three years, so
     * without its end date its validity is unknown), not held, or not stated. The Profile keeps it as true (valid),
     * false (only expired ones) or null (anything else), as the tech-based SME's direct confirmation reads it.
     */
    private static HnteCertificate hnteCertificate(Company company, LocalDate asOf) {
        if (company.getCertifications() == null) {
            return new HnteCertificate("NOT_STATED", null);
        }
        List<io.seicheck.api.model.Certification> hnte = company.getCertifications().stream()
                .filter(c -> "HNTE".equals(c.getCode().getValue())).toList();
        LocalDate latest = hnte.stream().map(io.seicheck.api.model.Certification::getValidUntil)
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        String status = hnte.isEmpty() ? "NOT_HELD"
                : latest != null && !latest.isBefore(asOf) ? "VALID"
                : hnte.stream().anyMatch(c -> c.getValidUntil() == null) ? "UNDATED"
                : "EXPIRED";
        return new HnteCertificate(status, latest);
    }

    /**
     * The fiscal years that count for R&D intensity: the last three, or fewer when the firm was registered
     * later (实际经营期不满三年的按实际经营时间计算). Null when one of those years is not given.
     */
    private static List<FiscalYear> rdPeriod(List<FiscalYear> years, LocalDate registeredOn) {
        if (years.isEmpty() || years.get(0).getYear() == null) {
            return null;
        }
        int latest = years.get(0).getYear();
        int first = latest - (RD_PERIOD_YEARS - 1);
        if (registeredOn != null) {
            first = Math.max(first, registeredOn.getYear());
        }
        int needed = latest - first + 1;
        if (needed < 1 || years.size() < needed) {
            return null;
        }
        return years.subList(0, needed);
    }

    private static BigDecimal sum(List<FiscalYear> years, java.util.function.Function<FiscalYear, BigDecimal> field) {
        BigDecimal total = BigDecimal.ZERO;
        for (FiscalYear y : years) {
            BigDecimal v = field.apply(y);
            if (v == null) {
                return null;
            }
            total = total.add(v);
        }
        return total;
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.divide(whole, RATIO_SCALE, RoundingMode.DOWN);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
