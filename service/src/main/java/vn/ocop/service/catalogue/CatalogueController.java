package vn.ocop.service.catalogue;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.Criterion;
import vn.ocop.api.model.CriterionOption;
import vn.ocop.api.model.Edition;
import vn.ocop.api.model.PartTotals;
import vn.ocop.api.model.Sheet;
import vn.ocop.api.model.SheetSummary;
import vn.ocop.api.server.CatalogueApi;
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
        return ResponseEntity.ok(catalogue.editions().stream().map(CatalogueController::edition).toList());
    }

    @Override
    public ResponseEntity<List<SheetSummary>> listSheets(String edition) {
        EditionInfo e = catalogue.edition(edition).orElseThrow(() -> ApiException.notFound("Edition", edition));
        return ResponseEntity.ok(e.sheets().stream().map(CatalogueController::summary).toList());
    }

    @Override
    public ResponseEntity<Sheet> getSheet(String edition, String sheet) {
        SheetInfo s = catalogue.sheet(edition, sheet).orElseThrow(() -> ApiException.notFound("Sheet", edition + "/" + sheet));
        return ResponseEntity.ok(new Sheet().id(s.id()).edition(edition).group(s.group()).name(s.name())
                .subgroups(s.subgroups()).partMaxima(parts(s.partMaxima())).source(s.source())
                .checkedAgainstAnnex(s.checkedAgainstAnnex())
                .criteria(s.criteria().stream().map(c -> new Criterion().code(c.code()).part(c.part()).group(c.group())
                        .name(c.name()).maxPoints(c.maxPoints())
                        .options(c.options().stream().map(o -> new CriterionOption().number(o.number()).label(o.label())
                                .points(o.points()).rule(o.rule())).toList())).toList()));
    }

    static Edition edition(EditionInfo e) {
        return new Edition().id(e.id()).name(e.name()).legalBasis(e.legalBasis()).effectiveFrom(e.effectiveFrom())
                .effectiveTo(e.effectiveTo()).extendsEdition(e.extendsEdition()).partMaxima(parts(e.partMaxima()))
                .rulesetVersion(e.version()).rulesetSha256(e.sha256())
                .sheets(e.sheets().stream().map(CatalogueController::summary).toList());
    }

    static SheetSummary summary(SheetInfo s) {
        return new SheetSummary().id(s.id()).group(s.group()).name(s.name()).subgroups(s.subgroups())
                .partMaxima(parts(s.partMaxima())).source(s.source()).checkedAgainstAnnex(s.checkedAgainstAnnex());
    }

    static PartTotals parts(Map<String, Integer> maxima) {
        return maxima == null ? null : new PartTotals().A(maxima.get("A")).B(maxima.get("B")).C(maxima.get("C"));
    }
}
