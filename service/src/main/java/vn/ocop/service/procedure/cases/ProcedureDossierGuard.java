package vn.ocop.service.procedure.cases;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.ocop.service.dossier.DossierGuard;
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.rounds.Rounds;
import vn.ocop.service.procedure.store.VersionedStore;

/**
 * Keeps the direct dossier endpoints off a dossier the procedure owns: only those who may read its case read it, its
 * content changes only while the producer holds it (REGISTERED, RETURNED), and it is scored only by its council's sheets.
 */
@Component
class ProcedureDossierGuard implements DossierGuard {
    private final VersionedStore<CaseFile> store;
    private final Rounds rounds;
    private final Callers callers;

    ProcedureDossierGuard(VersionedStore<CaseFile> caseStore, Rounds rounds, Callers callers) {
        this.store = caseStore;
        this.rounds = rounds;
        this.callers = callers;
    }

    /** The dossier endpoints show a procedure dossier only to those who may read its case. */
    @Override
    public void beforeRead(String dossierId) {
        store.find(dossierId).ifPresent(f -> {
            java.util.List<vn.ocop.service.procedure.rounds.Round> of = new java.util.ArrayList<>();
            f.rounds.forEach(r -> rounds.find(r).ifPresent(of::add));
            CaseAccess.requireRead(callers.current(), f, of);
        });
    }

    @Override
    public void beforeReplace(String dossierId) {
        store.find(dossierId).ifPresent(f -> {
            if (!f.state.editableByProducer()) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "WRONG_STATE",
                        "Hồ sơ đang ở trạng thái " + f.state
                                + ": nội dung chỉ sửa được khi chủ thể đang giữ hồ sơ (REGISTERED, RETURNED)");
            }
        });
    }

    @Override
    public void beforeDirectScoring(String dossierId) {
        if (store.find(dossierId).isPresent()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "PROCEDURE_MANAGED",
                    "Hồ sơ theo quy trình: chấm điểm bằng phiếu của thành viên Hội đồng trong đợt đánh giá");
        }
    }
}
