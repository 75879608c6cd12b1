package vn.ocop.service.idea;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.api.model.IdeaStatus;
import vn.ocop.api.model.IdeaTriageInput;
import vn.ocop.api.model.ProductIdea;
import vn.ocop.api.model.ProductIdeaPage;
import vn.ocop.api.server.IdeasApi;
import vn.ocop.service.platform.security.CurrentUser;

@RestController
class IdeasController implements IdeasApi {
    private final ProductIdeas ideas;

    IdeasController(ProductIdeas ideas) {
        this.ideas = ideas;
    }

    @Override
    public ResponseEntity<ProductIdeaPage> listIdeas(
            String province, String commune, IdeaStatus status, Integer page, Integer size) {
        return ResponseEntity.ok(
                ideas.list(province, commune, status, page == null ? 0 : page, size == null ? 20 : size));
    }

    @Override
    public ResponseEntity<ProductIdea> triageIdea(String id, IdeaTriageInput in) {
        return ResponseEntity.ok(ideas.triage(id, in, CurrentUser.name()));
    }
}
