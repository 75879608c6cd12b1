package vn.ocop.service.console;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import vn.ocop.service.platform.security.Callers;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.service.procedure.council.CouncilOverview;
import vn.ocop.service.procedure.council.CouncilResults;
import vn.ocop.service.procedure.council.CouncilSheets;
import vn.ocop.service.procedure.council.Quorum;
import vn.ocop.service.procedure.council.Seat;
import vn.ocop.service.procedure.todo.TodoItem;

/** The console's controllers in a web slice: sign-in and sessions, CSRF, the API's roles, Vietnamese formatting, errors. */
@WebMvcTest(
        controllers = {
            HomePages.class,
            DossierPages.class,
            ScoringSheetPages.class,
            CouncilPages.class,
            RulesetPages.class,
            JobPages.class,
            AuditPages.class
        })
@Import({ConsoleSecurity.class, Vi.class})
class ConsolePagesWebTests {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    DossiersApi dossiers;

    @MockitoBean
    AssessmentsApi assessments;

    @MockitoBean
    EvaluationsApi evaluations;

    @MockitoBean
    EvaluationApi evaluation;

    @MockitoBean
    CatalogueApi catalogue;

    @MockitoBean
    RulesetsApi rulesets;

    @MockitoBean
    JobsApi jobs;

    @MockitoBean
    AuditApi audit;

    @MockitoBean
    CouncilSheets councilSheets;

    @MockitoBean
    CouncilResults councilResults;

    @MockitoBean
    Callers callers;

    static final Seat MEMBER_SEAT = new Seat("PROVINCE-82-2027-1", 1, "council", "Nguyễn Văn An", "MEMBER", true);

    @Test
    void anonymousPeopleAreSentToTheSignInPage() throws Exception {
        mvc.perform(get("/dossiers")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Đăng nhập"),
                                containsString("name=\"_csrf\""),
                                containsString("<label for=\"password\">Mật khẩu</label>"))))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(content()
                        .string(containsString("<script src=\"/webjars/htmx.org/2.0.4/dist/htmx.min.js\" defer>")));
    }

    @Test
    void pagesAreVietnameseByDefaultAndEnglishOnAskingKeptInACookie() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"vi\">"),
                                containsString("<h1>Đăng nhập</h1>"),
                                containsString("Tên đăng nhập"),
                                containsString("href=\"?lang=en\""),
                                not(containsString("Sign in")))));
        var english = mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"en\">"),
                                containsString("<h1>Sign in</h1>"),
                                containsString("User name"),
                                containsString("Tiếng Việt"),
                                not(containsString("Mật khẩu")))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie()
                        .value("ocop-lang", "en"))
                .andReturn();
        mvc.perform(get("/login").cookie(english.getResponse().getCookie("ocop-lang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Sign in</h1>")));
        mvc.perform(get("/login").param("lang", "vi"))
                .andExpect(content().string(containsString("<h1>Đăng nhập</h1>")));
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        when(councilSheets.managed("d1")).thenReturn(true);
        when(councilSheets.seat(eq("d1"), any())).thenReturn(Optional.of(MEMBER_SEAT));
        mvc.perform(post("/dossiers/d1/sheet/draft").param("c:A1", "2")).andExpect(status().isForbidden());
        verify(councilSheets, never()).save(any(), any(), any(), any(), any(), any());
        when(dossiers.getDossier("d1")).thenReturn(ResponseEntity.ok(new Dossier().id("d1")));
        mvc.perform(post("/dossiers/d1/sheet/draft").param("c:A1", "2").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/dossiers/d1/sheet?saved"));
        // the draft is the procedure's member sheet of the caller's seat
        verify(councilSheets)
                .save(eq("PROVINCE-82-2027-1"), eq("d1"), eq("council"), eq(Map.of("A1", 2)), eq(null), any());
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void aDossierOutsideTheProcedureHasNoDraftsAndAMemberWithoutASeatCannotScoreAProcedureDossier() throws Exception {
        when(dossiers.getDossier("d2")).thenReturn(ResponseEntity.ok(new Dossier().id("d2")));
        mvc.perform(post("/dossiers/d2/sheet/draft").param("c:A1", "2").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("NO_DRAFTS"), containsString("không có bản nháp"))));
        when(councilSheets.managed("d3")).thenReturn(true);
        when(councilSheets.seat(eq("d3"), any())).thenReturn(Optional.empty());
        when(dossiers.getDossier("d3")).thenReturn(ResponseEntity.ok(new Dossier().id("d3")));
        mvc.perform(post("/dossiers/d3/sheet/submit").param("c:A1", "2").with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("NOT_IN_COUNCIL")));
        verify(councilSheets, never()).save(any(), any(), any(), any(), any(), any());
        verify(assessments, never()).addAssessment(any(), any(), any());
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void aRefusedMemberSheetShowsTheProceduresCriteriaAndKeepsTheChoices() throws Exception {
        when(councilSheets.managed("d1")).thenReturn(true);
        when(councilSheets.seat(eq("d1"), any())).thenReturn(Optional.of(MEMBER_SEAT));
        when(dossiers.getDossier("d1"))
                .thenReturn(
                        ResponseEntity.ok(new Dossier().id("d1").edition("e").sheet("s")));
        when(catalogue.getSheet("e", "s"))
                .thenReturn(ResponseEntity.ok(
                        new vn.ocop.api.model.Sheet().id("s").edition("e").criteria(List.of())));
        when(evaluation.evaluate(any()))
                .thenReturn(ResponseEntity.ok(new EvaluationResult()
                        .status(EvaluationResult.StatusEnum.INVALID)
                        .findings(List.of())));
        when(councilSheets.submit(eq("PROVINCE-82-2027-1"), eq("d1"), eq("council"), any()))
                .thenThrow(ApiException.unprocessable(
                        "SHEET_INCOMPLETE",
                        "Phiếu chưa đầy đủ",
                        List.of(new ApiException.FieldProblem("selections.B2.1", "MISSING_CRITERION: thiếu"))));
        mvc.perform(post("/dossiers/d1/sheet/submit").param("c:A1", "2").with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content()
                        .string(allOf(
                                containsString("SHEET_INCOMPLETE"),
                                containsString("<code>B2.1</code>"),
                                containsString("id=\"submit-refused\""),
                                containsString("Nguyễn Văn An"))));
        verify(councilSheets)
                .save(eq("PROVINCE-82-2027-1"), eq("d1"), eq("council"), eq(Map.of("A1", 2)), eq(null), any());
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void aMembersSheetShowsTheirSeatAndOffersADraftOnlyInTheProcedure() throws Exception {
        when(dossiers.getDossier(any()))
                .thenAnswer(i -> ResponseEntity.ok(
                        new Dossier().id(i.getArgument(0)).edition("e").sheet("s")));
        when(catalogue.getSheet("e", "s"))
                .thenReturn(ResponseEntity.ok(
                        new vn.ocop.api.model.Sheet().id("s").edition("e").criteria(List.of())));
        when(evaluation.evaluate(any()))
                .thenReturn(ResponseEntity.ok(new EvaluationResult()
                        .status(EvaluationResult.StatusEnum.VALID)
                        .findings(List.of())));
        when(councilSheets.managed("d1")).thenReturn(true);
        when(councilSheets.seat(eq("d1"), any())).thenReturn(Optional.of(MEMBER_SEAT));
        when(councilSheets.own(MEMBER_SEAT, "d1")).thenReturn(Optional.empty());
        mvc.perform(get("/dossiers/d1/sheet"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"seat\""),
                                containsString("Nguyễn Văn An"),
                                containsString("PROVINCE-82-2027-1"),
                                containsString("id=\"save-draft\""),
                                containsString("<div id=\"submit-refused\"></div>"),
                                not(containsString("name=\"member\"")))));
        mvc.perform(get("/dossiers/d2/sheet"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"member\""),
                                not(containsString("id=\"save-draft\"")),
                                not(containsString("id=\"seat\"")))));
        // the live summary of a complete sheet clears an earlier refusal out of band
        mvc.perform(get("/dossiers/d1/sheet/preview"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"summary\""),
                                containsString("<div id=\"submit-refused\" hx-swap-oob=\"true\"></div>"))));
        when(evaluation.evaluate(any()))
                .thenReturn(ResponseEntity.ok(new EvaluationResult()
                        .status(EvaluationResult.StatusEnum.INVALID)
                        .findings(List.of())));
        mvc.perform(get("/dossiers/d1/sheet/preview")).andExpect(content().string(not(containsString("hx-swap-oob"))));
    }

    @Test
    @WithMockUser(username = "chair-dt", roles = "COUNCIL")
    void theChairSeesMembersTotalsQuorumAverageStarsAndTheSpread() throws Exception {
        when(dossiers.getDossier("d1"))
                .thenReturn(ResponseEntity.ok(new Dossier().id("d1").product(new Product().name("Bưởi"))));
        when(councilResults.overview(eq("d1"), any()))
                .thenReturn(new CouncilOverview(
                        "d1",
                        "PROVINCE-82-2027-1",
                        1,
                        "SCORING",
                        LocalDate.of(2027, 5, 20),
                        List.of(
                                new CouncilOverview.MemberLine(
                                        "chair-dt", "Trần Văn Chủ", "UBND tỉnh", "CHAIR", "SUBMITTED", 82),
                                new CouncilOverview.MemberLine(
                                        "member-dt1", "Nguyễn Văn An", null, "MEMBER", "SUBMITTED", 64),
                                new CouncilOverview.MemberLine(
                                        "member-dt2", "Lê Thị Bình", null, "MEMBER", "DRAFT", null)),
                        new Quorum(3, 2, 3, true, true),
                        new CouncilOverview.Preview("VALID", new BigDecimal("73.00"), 3, List.of("COUNCIL_SPREAD")),
                        "Tổng điểm chênh nhau 18 điểm",
                        List.of(),
                        true));
        mvc.perform(get("/dossiers/d1/council"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Trần Văn Chủ"),
                                containsString(">82<"),
                                containsString(">64<"),
                                containsString("Bản nháp"),
                                containsString("Chưa đủ túc số"),
                                containsString("2/3 thành viên"),
                                containsString("73,00"),
                                containsString("★★★ (3 sao)"),
                                containsString("Tổng điểm chênh nhau 18 điểm"),
                                containsString("Ghi kết quả Hội đồng"))));
        when(councilResults.record(eq("PROVINCE-82-2027-1"), eq("d1"), any()))
                .thenThrow(new ApiException(
                        org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "QUORUM_NOT_MET", "Chưa đủ túc số"));
        mvc.perform(post("/dossiers/d1/council/result").with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(allOf(containsString("QUORUM_NOT_MET"), containsString("chưa đủ túc số"))));
    }

    @Test
    void toDosOpenThePageOfTheirTask() {
        assertThat(ProcedureToDoList.link(new TodoItem("SUBMIT_SHEET", "Chấm", "d1", "R", null, false)))
                .isEqualTo("/dossiers/d1/sheet");
        assertThat(ProcedureToDoList.link(new TodoItem("RECORD_RESULT", "Ghi", "d1", "R", null, false)))
                .isEqualTo("/dossiers/d1/council");
        assertThat(ProcedureToDoList.link(new TodoItem("DECIDE", "Quyết định", "d1", "R", null, false)))
                .isEqualTo("/dossiers/d1");
        assertThat(ProcedureToDoList.link(new TodoItem("ROUND_CLOSING", "Đợt", null, "R", null, false)))
                .isEqualTo("/");
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void theApisRolesHoldOnThePages() throws Exception {
        // the denied request is forwarded to the Vietnamese page (MockMvc does not follow the forward: see below)
        mvc.perform(get("/dossiers/d1/sheet")).andExpect(status().isForbidden()).andExpect(forwardedUrl("/forbidden"));
        mvc.perform(get("/forbidden"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Vai trò của bạn không được phép")));
        mvc.perform(post("/rulesets/ocop-2023@2/publish")
                        .param("effectiveFrom", "2026-07-01")
                        .with(csrf()))
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
        when(rulesets.publishRuleset(eq("ocop-2023@2"), any()))
                .thenReturn(ResponseEntity.ok(new Ruleset().id("ocop-2023@2")));
        mvc.perform(post("/rulesets/ocop-2023@2/publish")
                        .param("effectiveFrom", "2026-07-01")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        verify(rulesets).publishRuleset("ocop-2023@2", new PublishRequest().effectiveFrom(LocalDate.of(2026, 7, 1)));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void datesAndNumbersAreVietnamese() throws Exception {
        Dossier d = new Dossier()
                .id("d1")
                .product(new Product().name("Nước mắm Phú Quốc"))
                .edition("ocop-2023")
                .sheet("food")
                .group("FOOD")
                .registeredOn(LocalDate.of(2026, 6, 1))
                .status(DossierStatus.EVALUATED)
                .stars(4)
                .createdAt(OffsetDateTime.parse("2026-06-01T02:30:00Z"))
                .updatedAt(OffsetDateTime.parse("2026-06-02T02:30:00Z"));
        when(dossiers.getDossier("d1")).thenReturn(ResponseEntity.ok(d));
        when(assessments.listAssessments("d1")).thenReturn(ResponseEntity.ok(List.of()));
        when(evaluations.listDossierEvaluations("d1"))
                .thenReturn(ResponseEntity.ok(List.of(new EvaluationRecord()
                        .id("e1")
                        .sequence(1L)
                        .edition("ocop-2023")
                        .rulesetVersion("1")
                        .evaluationDate(LocalDate.of(2026, 6, 15))
                        .requestedAt(OffsetDateTime.parse("2026-06-15T01:00:00Z"))
                        .result(new EvaluationResult()
                                .status(EvaluationResult.StatusEnum.VALID)
                                .averageTotalRounded(new BigDecimal("70.00"))
                                .stars(4)))));
        mvc.perform(get("/dossiers/d1"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("01/06/2026"),
                                containsString("15/06/2026"),
                                containsString("70,00"),
                                containsString("01/06/2026 09:30"),
                                containsString("★★★★ (4 sao)"),
                                containsString("Đã đánh giá"),
                                containsString("Nước mắm Phú Quốc"))));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void refusalsAreVietnamesePagesWithTheStableCode() throws Exception {
        when(dossiers.getDossier("nope")).thenThrow(ApiException.notFound("Dossier", "nope"));
        mvc.perform(get("/dossiers/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(allOf(containsString("Không tìm thấy"), containsString("NOT_FOUND"))));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    void unexpectedErrorsShowNeitherTheirTextNorAStackTrace() throws Exception {
        when(dossiers.getDossier("boom")).thenThrow(new IllegalStateException("password=hunter2 at db.internal"));
        mvc.perform(get("/dossiers/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content()
                        .string(allOf(
                                containsString("Đã có lỗi ngoài dự kiến"),
                                containsString("Mã yêu cầu"),
                                not(containsString("hunter2")),
                                not(containsString("IllegalStateException")),
                                not(containsString("at vn.ocop")))));
    }

    @Test
    @WithMockUser(username = "auditor", roles = "AUDITOR")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void thePrintableSheetIsTheAuditFeaturesHtmlWithAPolicyThatAllowsNoScript() throws Exception {
        when(audit.explainEvaluation("e1", "html")).thenReturn((ResponseEntity)
                ResponseEntity.ok("<html><style>td{}</style><h1>PHIẾU CHẤM ĐIỂM</h1></html>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        mvc.perform(get("/evaluations/e1/print"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("PHIẾU CHẤM ĐIỂM")))
                .andExpect(header().stringValues(
                                "Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"));
    }

    @Test
    @WithMockUser(username = "council", roles = "COUNCIL")
    void badFilterValuesAreRefusedNotServerErrors() throws Exception {
        when(dossiers.listDossiers(any(), any(), any(), any(), any(), any(), any(), any(), any(), any()))
                .thenReturn(ResponseEntity.ok(
                        new DossierPage().items(List.of()).page(0).size(20).hasNext(false)));
        mvc.perform(get("/dossiers").param("status", "NOT_A_STATUS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("VALIDATION_FAILED")));
        mvc.perform(get("/dossiers").param("page", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/dossiers").param("province", "82"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không có hồ sơ nào khớp bộ lọc")));
        verify(dossiers).listDossiers(null, "82", null, null, null, null, null, 0, 20, null);
    }
}
