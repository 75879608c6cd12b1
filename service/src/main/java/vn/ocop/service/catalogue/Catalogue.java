package vn.ocop.service.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.ocop.rules.api.EditionInfo;
import vn.ocop.rules.api.RulesEngine;
import vn.ocop.rules.api.SheetInfo;

/** The criteria catalogue, read from the rules engine: editions, their sheets, which edition is in force. */
@Service
public class Catalogue {
    private final RulesEngine engine;

    public Catalogue(RulesEngine engine) {
        this.engine = engine;
    }

    public List<EditionInfo> editions() {
        return engine.editions();
    }

    public Optional<EditionInfo> edition(String id) {
        return id == null ? Optional.empty() : engine.edition(id);
    }

    public Optional<SheetInfo> sheet(String edition, String sheet) {
        return edition == null || sheet == null ? Optional.empty() : engine.sheet(edition, sheet);
    }

    /** The national edition in force on a date (of several, the latest to start); provincial editions never. */
    public Optional<EditionInfo> inForceOn(LocalDate date) {
        return EditionChoice.national(engine.editions(), date);
    }

    /** The group of a known sheet, or "unknown": a bounded value for metric tags. */
    public String groupOf(String edition, String sheet) {
        return sheet(edition, sheet).map(SheetInfo::group).orElse("unknown");
    }
}
