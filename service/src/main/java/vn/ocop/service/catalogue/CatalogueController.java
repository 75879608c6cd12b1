package vn.ocop.service.catalogue;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.Criterion;
import vn.ocop.api.model.CriterionOption;
import vn.ocop.api.model.Edition;
import vn.ocop.api.model.Erratum;
import vn.ocop.api.model.ExclusionInfo;
import vn.ocop.api.model.PartTotals;
import vn.ocop.api.model.ProductClass;
import vn.ocop.api.model.Sheet;
import vn.ocop.api.model.SheetSource;
import vn.ocop.api.model.SheetSummary;
import vn.ocop.api.server.CatalogueApi;
import vn.ocop.rules.api.CriterionInfo;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.SheetInfo;
import vn.ocop.service.platform.web.ApiException;

@RestController
class CatalogueController implements CatalogueApi {
    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public ResponseEntity<List<Edition>> listEditions() {
        return ResponseEntity.ok(
                catalogue.editions().stream().map(CatalogueController::edition).toList());
    }

    @Override
    public ResponseEntity<List<SheetSummary>> listSheets(String edition) {
        EditionInfo e = catalogue.edition(edition).orElseThrow(() -> ApiException.notFound("Edition", edition));
        return ResponseEntity.ok(
                e.sheets().stream().map(CatalogueController::summary).toList());
    }

    @Override
    public ResponseEntity<Sheet> getSheet(String edition, String sheet) {
        SheetInfo s = catalogue
                .sheet(edition, sheet)
                .orElseThrow(() -> ApiException.notFound("Sheet", edition + "/" + sheet));
        return ResponseEntity.ok(new Sheet()
                .id(s.id())
                .edition(edition)
                .group(s.group())
                .name(s.name())
                .subgroups(s.subgroups())
                .partMaxima(parts(s.partMaxima()))
                .source(s.source())
                .checkedAgainstAnnex(s.checkedAgainstAnnex())
                .number(s.number())
                .classification(productClass(s.classification()))
                .exclusions(s.exclusions().stream()
                        .map(CatalogueController::exclusion)
                        .toList())
                .sourceRef(sourceRef(s.sourceRef()))
                .criteria(s.criteria().stream()
                        .map(CatalogueController::criterion)
                        .toList()));
    }

    static Criterion criterion(CriterionInfo c) {
        return new Criterion()
                .code(c.code())
                .part(c.part())
                .group(c.group())
                .name(c.name())
                .maxPoints(c.maxPoints())
                .headings(c.headings())
                .notes(c.notes())
                .readingNote(c.readingNote())
                .alternativeOf(c.alternativeOf())
                .caseLabel(c.caseLabel())
                .options(c.options().stream()
                        .map(o -> new CriterionOption()
                                .number(o.number())
                                .label(o.label())
                                .points(o.points())
                                .rule(o.rule())
                                .minStars(o.minStars()))
                        .toList());
    }

    static Edition edition(EditionInfo e) {
        return new Edition()
                .id(e.id())
                .name(e.name())
                .legalBasis(e.legalBasis())
                .effectiveFrom(e.effectiveFrom())
                .effectiveTo(e.effectiveTo())
                .extendsEdition(e.extendsEdition())
                .partMaxima(parts(e.partMaxima()))
                .rulesetVersion(e.version())
                .rulesetSha256(e.sha256())
                .sheets(e.sheets().stream().map(CatalogueController::summary).toList())
                .province(e.province())
                .starMinimumBasis(
                        e.starMinimumBasis() == null
                                ? null
                                : Edition.StarMinimumBasisEnum.fromValue(
                                        e.starMinimumBasis().name()))
                .errata(e.errata().stream()
                        .map(x -> new Erratum()
                                .sheet(x.sheet())
                                .criterion(x.criterion())
                                .printed(x.printed())
                                .used(x.used())
                                .reason(x.reason()))
                        .toList())
                .classification(e.classification().stream()
                        .map(CatalogueController::productClass)
                        .toList());
    }

    static SheetSummary summary(SheetInfo s) {
        return new SheetSummary()
                .id(s.id())
                .group(s.group())
                .name(s.name())
                .subgroups(s.subgroups())
                .partMaxima(parts(s.partMaxima()))
                .source(s.source())
                .checkedAgainstAnnex(s.checkedAgainstAnnex())
                .number(s.number())
                .classification(productClass(s.classification()))
                .exclusions(s.exclusions().stream()
                        .map(CatalogueController::exclusion)
                        .toList())
                .sourceRef(sourceRef(s.sourceRef()));
    }

    static ProductClass productClass(vn.ocop.rules.api.ProductClass c) {
        return c == null
                ? null
                : new ProductClass()
                        .number(c.number())
                        .sector(c.sector())
                        .group(c.group())
                        .subgroup(c.subgroup())
                        .ministry(c.ministry())
                        .sheet(c.sheet());
    }

    static ExclusionInfo exclusion(vn.ocop.rules.api.ExclusionInfo x) {
        return new ExclusionInfo().code(x.code()).text(x.text()).criterion(x.criterion());
    }

    static SheetSource sourceRef(vn.ocop.rules.api.SheetSource s) {
        return s == null
                ? null
                : new SheetSource().decision(s.decision()).annex(s.annex()).number(s.number());
    }

    static PartTotals parts(Map<String, Integer> maxima) {
        return maxima == null
                ? null
                : new PartTotals().A(maxima.get("A")).B(maxima.get("B")).C(maxima.get("C"));
    }
}
