package vn.ocop.service.procedure.cases;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.ocop.service.dossier.DossierGuard;
import vn.ocop.service.platform.web.ApiException;

/**
 * Keeps the direct dossier endpoints off a dossier the procedure owns: its content changes only while the producer
 * holds it (REGISTERED, RETURNED), and it is scored only through its council's sheets.
 */
@Component
class ProcedureDossierGuard implements DossierGuard {
    private final vn.ocop.service.procedure.store.VersionedStore<CaseFile> store;

    ProcedureDossierGuard(vn.ocop.service.procedure.store.VersionedStore<CaseFile> caseStore) {
        this.store = caseStore;
    }

    @Override
    public void beforeReplace(String dossierId) {
        store.find(dossierId).ifPresent(f -> {
            if (!f.state.editableByProducer()) {
                throw new ApiException(HttpStatus.CONFLICT, "WRONG_STATE",
                        "Hồ sơ đang ở trạng thái " + f.state + ": nội dung chỉ sửa được khi chủ thể đang giữ hồ sơ (REGISTERED, RETURNED)");
            }
        });
    }

    @Override
    public void beforeDirectScoring(String dossierId) {
        if (store.find(dossierId).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "PROCEDURE_MANAGED",
                    "Hồ sơ theo quy trình: chấm điểm bằng phiếu của thành viên Hội đồng trong đợt đánh giá");
        }
    }
}
