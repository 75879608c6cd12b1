package vn.ocop.service.dossier;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.DossierInput;
import vn.ocop.api.model.DossierPage;
import vn.ocop.api.model.DossierStatus;
import vn.ocop.api.server.DossiersApi;
import vn.ocop.service.platform.security.CurrentUser;

@RestController
class DossierController implements DossiersApi {
    private final Dossiers dossiers;

    DossierController(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public ResponseEntity<Dossier> createDossier(DossierInput input, String idempotencyKey) {
        // Idempotency-Key is handled for every write by the platform's IdempotencyFilter
        Dossier d = dossiers.create(input, CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + d.getId()))
                .eTag(Etags.of(d.getVersion()))
                .body(d);
    }

    @Override
    public ResponseEntity<Dossier> getDossier(String id) {
        Dossier d = dossiers.get(id);
        return ResponseEntity.ok().eTag(Etags.of(d.getVersion())).body(d);
    }

    @Override
    public ResponseEntity<DossierPage> listDossiers(
            String q,
            String province,
            String district,
            String commune,
            String group,
            DossierStatus status,
            Integer stars,
            Integer page,
            Integer size,
            String sort) {
        return ResponseEntity.ok(dossiers.list(
                q,
                province,
                district,
                commune,
                group,
                status == null ? null : status.getValue(),
                stars,
                page == null ? 0 : page,
                size == null ? 20 : size,
                sort));
    }

    @Override
    public ResponseEntity<Dossier> updateDossier(String id, DossierInput input, String ifMatch) {
        Dossier d = dossiers.replace(id, ifMatch, input);
        return ResponseEntity.ok().eTag(Etags.of(d.getVersion())).body(d);
    }
}
