package vn.ocop.service.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.DossierPage;
import vn.ocop.api.model.DossierStatus;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.api.model.EvaluationResult;
import vn.ocop.api.model.Product;
import vn.ocop.api.model.PublishRequest;
import vn.ocop.api.model.Ruleset;
import vn.ocop.api.server.AssessmentsApi;
import vn.ocop.api.server.AuditApi;
import vn.ocop.api.server.CatalogueApi;
import vn.ocop.api.server.DossiersApi;
import vn.ocop.api.server.EvaluationApi;
import vn.ocop.api.server.EvaluationsApi;
import vn.ocop.api.server.JobsApi;
import vn.ocop.api.server.RulesetsApi;
import vn.ocop.service.platform.web.ApiException;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's controllers in a web slice: sign-in and sessions, CSRF, the API's roles, Vietnamese formatting, errors. */
@WebMvcTest(controllers = {HomePages.class, DossierPages.class, ScoringSheetPages.class, RulesetPages.class, JobPages.class, AuditPages.class})
@Import({ConsoleSecurity.class, Vi.class})
class ConsolePagesWebTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean DossiersApi dossiers;
    @MockitoBean AssessmentsApi assessments;
    @MockitoBean EvaluationsApi evaluations;
    @MockitoBean EvaluationApi evaluation;
    @MockitoBean CatalogueApi catalogue;
    @MockitoBean RulesetsApi rulesets;
    @MockitoBean JobsApi jobs;
    @MockitoBean AuditApi audit;
    @MockitoBean SheetDrafts drafts;

    @Test
    void anonymousPeopleAreSentToTheSignInPage() throws Exception {
        mvc.perform(get("/dossiers")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Đăng nhập"), containsString("name=\"_csrf\""),
                        containsString("<label for=\"password\">Mật khẩu</label>"))))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(content().string(containsString("<script src=\"/webjars/htmx.org/2.0.4/dist/htmx.min.js\" defer>")));
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/dossiers/d1/sheet/draft").param("c:A1", "2")).andExpect(status().isForbidden());
        verify(drafts, never()).save(any(), any(), any());
        when(dossiers.getDossier("d1")).thenReturn(ResponseEntity.ok(new Dossier().id("d1")));
        mvc.perform(post("/dossiers/d1/sheet/draft").param("c:A1", "2").param("member", "Nguyễn Văn An").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dossiers/d1/sheet?saved"));
        verify(drafts).save(eq("d1"), eq("council"), any());
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void theApisRolesHoldOnThePages() throws Exception {
        // the denied request is forwarded to the Vietnamese page (MockMvc does not follow the forward: see below)
        mvc.perform(get("/dossiers/d1/sheet")).andExpect(status().isForbidden()).andExpect(forwardedUrl("/forbidden"));
        mvc.perform(get("/forbidden")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Vai trò của bạn không được phép")));
        mvc.perform(post("/rulesets/ocop-2023@2/publish").param("effectiveFrom", "2026-07-01").with(csrf()))
                .andExpect(status().isForbidden());
        verify(rulesets, never()).publishRuleset(any(), any());
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void councilMembersDoNotReachRulesetsOrAudit() throws Exception {
        mvc.perform(get("/rulesets")).andExpect(status().isForbidden());
        mvc.perform(get("/audit")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "policy", roles = "POLICY_OFFICER")
    void policyOfficersPublishWithAnEffectiveDate() throws Exception {
        when(rulesets.publishRuleset(eq("ocop-2023@2"), any())).thenReturn(ResponseEntity.ok(new Ruleset().id("ocop-2023@2")));
        mvc.perform(post("/rulesets/ocop-2023@2/publish").param("effectiveFrom", "2026-07-01").with(csrf()))
                .andExpect(status().is3xxRedirection());
        verify(rulesets).publishRuleset("ocop-2023@2", new PublishRequest().effectiveFrom(LocalDate.of(2026, 7, 1)));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void datesAndNumbersAreVietnamese() throws Exception {
        Dossier d = new Dossier().id("d1").product(new Product().name("Nước mắm Phú Quốc")).edition("ocop-2023").sheet("food")
                .group("FOOD").registeredOn(LocalDate.of(2026, 6, 1)).status(DossierStatus.EVALUATED).stars(4)
                .createdAt(OffsetDateTime.parse("2026-06-01T02:30:00Z")).updatedAt(OffsetDateTime.parse("2026-06-02T02:30:00Z"));
        when(dossiers.getDossier("d1")).thenReturn(ResponseEntity.ok(d));
        when(assessments.listAssessments("d1")).thenReturn(ResponseEntity.ok(List.of()));
        when(evaluations.listDossierEvaluations("d1")).thenReturn(ResponseEntity.ok(List.of(new EvaluationRecord().id("e1")
                .sequence(1L).edition("ocop-2023").rulesetVersion("1").evaluationDate(LocalDate.of(2026, 6, 15))
                .requestedAt(OffsetDateTime.parse("2026-06-15T01:00:00Z"))
                .result(new EvaluationResult().status(EvaluationResult.StatusEnum.VALID).averageTotalRounded(new BigDecimal("70.00")).stars(4)))));
        mvc.perform(get("/dossiers/d1")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("01/06/2026"), containsString("15/06/2026"),
                        containsString("70,00"), containsString("01/06/2026 09:30"), containsString("★★★★ (4 sao)"),
                        containsString("Đã đánh giá"), containsString("Nước mắm Phú Quốc"))));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void refusalsAreVietnamesePagesWithTheStableCode() throws Exception {
        when(dossiers.getDossier("nope")).thenThrow(ApiException.notFound("Dossier", "nope"));
        mvc.perform(get("/dossiers/nope")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(allOf(containsString("Không tìm thấy"), containsString("NOT_FOUND"))));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void unexpectedErrorsShowNeitherTheirTextNorAStackTrace() throws Exception {
        when(dossiers.getDossier("boom")).thenThrow(new IllegalStateException("password=hunter2 at db.internal"));
        mvc.perform(get("/dossiers/boom")).andExpect(status().isInternalServerError())
                .andExpect(content().string(allOf(containsString("Đã có lỗi ngoài dự kiến"), containsString("Mã yêu cầu"),
                        not(containsString("hunter2")), not(containsString("IllegalStateException")), not(containsString("at vn.ocop")))));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void thePrintableSheetIsTheAuditFeaturesHtmlWithAPolicyThatAllowsNoScript() throws Exception {
        when(audit.explainEvaluation("e1", "html")).thenReturn((ResponseEntity) ResponseEntity.ok(
                "<html><style>td{}</style><h1>PHIẾU CHẤM ĐIỂM</h1></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        mvc.perform(get("/evaluations/e1/print")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("PHIẾU CHẤM ĐIỂM")))
                .andExpect(header().stringValues("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"));
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void badFilterValuesAreRefusedNotServerErrors() throws Exception {
        when(dossiers.listDossiers(any(), any(), any(), any(), any(), any(), any(), any(), any(), any()))
                .thenReturn(ResponseEntity.ok(new DossierPage().items(List.of()).page(0).size(20).hasNext(false)));
        mvc.perform(get("/dossiers").param("status", "NOT_A_STATUS")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("VALIDATION_FAILED")));
        mvc.perform(get("/dossiers").param("page", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/dossiers").param("province", "82")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Không có hồ sơ nào khớp bộ lọc")));
        verify(dossiers).listDossiers(null, "82", null, null, null, null, null, 0, 20, null);
    }
}
