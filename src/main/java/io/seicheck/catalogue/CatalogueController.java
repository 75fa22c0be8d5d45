package io.seicheck.catalogue;

import io.seicheck.api.CatalogueApi;
import io.seicheck.api.model.Area;
import io.seicheck.api.model.Industry;
import io.seicheck.api.model.IndustryPage;
import io.seicheck.api.model.IndustrySummary;
import io.seicheck.api.model.SeiScope;
import io.seicheck.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogueController implements CatalogueApi {

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @Override
    public ResponseEntity<Industry> getIndustry(String code) {
        Catalogue catalogue = catalogues.current();
        IndustryClass c = catalogue.industry(code).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "unknown-industry", "Unknown industry class", "'" + code + "' is not a class of GB/T 4754-2017"));
        List<SeiEntry> entries = catalogue.seiEntries(code);
        Industry industry = new Industry(c.code(), c.name(), !entries.isEmpty(),
                entries.stream().map(CatalogueController::entry).toList())
                .section(c.section()).sectionName(c.sectionName()).division(c.division())
                .divisionName(c.divisionName()).group(c.group()).groupName(c.groupName());
        return ResponseEntity.ok(industry);
    }

    @Override
    public ResponseEntity<IndustryPage> searchIndustries(String q, Integer limit) {
        Catalogue.SearchResult result = catalogues.current().search(q, limit == null ? 20 : limit);
        List<IndustrySummary> items = result.hits().stream()
                .map(h -> new IndustrySummary(h.industry().code(), h.industry().name(), !h.entries().isEmpty(),
                        h.entries().stream().anyMatch(SeiEntry::starred)).matchedProduct(h.matchedProduct()))
                .toList();
        return ResponseEntity.ok(new IndustryPage(items, result.total()));
    }

    private static io.seicheck.api.model.SeiEntry entry(SeiEntry e) {
        return new io.seicheck.api.model.SeiEntry(e.category(), Area.fromValue(e.area()), e.path(),
                e.starred() ? SeiScope.KEY_PRODUCTS : SeiScope.WHOLE_CLASS, e.keyProducts());
    }
}
