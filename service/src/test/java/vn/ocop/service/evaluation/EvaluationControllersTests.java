package vn.ocop.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ocop.api.model.EvaluationRecord;
import vn.ocop.rules.api.CouncilRole;
import vn.ocop.rules.api.EvaluationRequest;
import vn.ocop.rules.api.EvaluationResult;
import vn.ocop.rules.api.MemberResult;
import vn.ocop.rules.api.PartTotals;
import vn.ocop.rules.api.Status;
import vn.ocop.service.catalogue.EditionChoice;
import vn.ocop.service.platform.security.ApiSecurityForSlices;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.testsupport.Http;

/**
 * The web slice of the evaluation feature's two controllers: stateless scoring ({@code POST /evaluate}: what reaches
 * the engine, what the door refuses before it) and stored evaluations (paths, roles, Location), with {@link Scoring},
 * {@link EditionChoice} and {@link DossierEvaluations} mocked. Refusals are problem+json with their stable codes.
 */
@WebMvcTest(controllers = {EvaluateController.class, EvaluationsController.class})
@Import(ApiSecurityForSlices.class)
@ActiveProfiles("local")
class EvaluationControllersTests {
    static final String SHEET = "food-fresh-produce";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Scoring scoring;

    @MockitoBean
    EditionChoice choice;

    @MockitoBean
    DossierEvaluations evaluations;

    static EvaluationResult fourStars() {
        MemberResult member =
                new MemberResult("Nguyễn Văn An", CouncilRole.MEMBER, List.of(), new PartTotals(40, 15, 21), 76);
        return new EvaluationResult(
                Status.VALID,
                "ocop-2023",
                SHEET,
                "1",
                "sha",
                List.of(member),
                BigDecimal.valueOf(76),
                4,
                List.of(),
                List.of());
    }

    static String evaluate(String extra, String assessments) {
        return "{\"sheet\":\"" + SHEET + "\"" + (extra == null ? "" : "," + extra) + ",\"assessments\":[" + assessments
                + "]}";
    }

    static String sheet(String member) {
        return "{\"member\":\"" + member + "\",\"selections\":{\"A1\":3,\"B1\":2,\"C1\":2}}";
    }

    ResultActions post(String path, String user, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .header("Authorization", Http.basic(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void aStatelessEvaluationHandsTheEngineTheSheetsAsGivenAndAnswersItsResult() throws Exception {
        when(scoring.score(any(), eq(LocalDate.of(2026, 5, 4)))).thenReturn(fourStars());
        post(
                        "/api/v1/evaluate",
                        "integration",
                        evaluate(
                                "\"edition\":\"ocop-2023\",\"group\":\"FOOD\",\"evaluationDate\":\"2026-05-04\"",
                                sheet("  Nguyễn   Văn An ")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.stars").value(4))
                .andExpect(jsonPath("$.members[0].total").value(76));
        ArgumentCaptor<EvaluationRequest> request = ArgumentCaptor.forClass(EvaluationRequest.class);
        verify(scoring).score(request.capture(), eq(LocalDate.of(2026, 5, 4)));
        assertThat(request.getValue().edition()).isEqualTo("ocop-2023");
        assertThat(request.getValue().group()).isEqualTo("FOOD");
        assertThat(request.getValue().sheet()).isEqualTo(SHEET);
        assertThat(request.getValue().assessments()).singleElement().satisfies(a -> {
            assertThat(a.member()).isEqualTo("Nguyễn Văn An");
            assertThat(a.role()).isEqualTo(CouncilRole.MEMBER);
            assertThat(a.selections()).containsEntry("A1", 3).containsEntry("C1", 2);
        });
    }

    @Test
    void withoutAnEditionTheFilingDateAndProvinceChooseItAndNoneInForceIsUnprocessable() throws Exception {
        when(choice.forDossier(LocalDate.of(2026, 1, 10), "82")).thenReturn(Optional.empty());
        problem(
                post(
                        "/api/v1/evaluate",
                        "integration",
                        evaluate(
                                "\"provinceCode\":\"82\",\"registeredOn\":\"2026-01-10\",\"evaluationDate\":\"2026-05-04\"",
                                sheet("Nguyễn Văn An"))),
                422,
                "NO_EDITION_IN_FORCE");
        verifyNoInteractions(scoring);
    }

    @Test
    void theDoorRefusesAFilingDateAfterTheEvaluationAndOnePersonTwiceBeforeTheEngine() throws Exception {
        problem(
                        post(
                                "/api/v1/evaluate",
                                "integration",
                                evaluate(
                                        "\"edition\":\"ocop-2023\",\"registeredOn\":\"2026-05-05\",\"evaluationDate\":\"2026-05-04\"",
                                        sheet("Nguyễn Văn An"))),
                        400,
                        "VALIDATION_FAILED")
                .andExpect(jsonPath("$.errors[0].field").value("registeredOn"));
        problem(
                        post(
                                "/api/v1/evaluate",
                                "integration",
                                evaluate(
                                        "\"edition\":\"ocop-2023\"",
                                        sheet("Nguyễn Văn An") + "," + sheet("nguyễn văn an"))),
                        400,
                        "VALIDATION_FAILED")
                .andExpect(jsonPath("$.errors[0].field").value("assessments[1].member"))
                .andExpect(jsonPath("$.errors[0].code").value("DUPLICATE_MEMBER"));
        problem(post("/api/v1/evaluate", "integration", "{\"sheet\":"), 400, null);
        verifyNoInteractions(scoring);
    }

    @Test
    void onlyIntegrationScoresStatelesslyAndOnlyTheCouncilRecords() throws Exception {
        problem(
                post("/api/v1/evaluate", "council", evaluate("\"edition\":\"ocop-2023\"", sheet("A"))),
                403,
                "FORBIDDEN");
        problem(post("/api/v1/dossiers/d-1/evaluations", "integration", ""), 403, "FORBIDDEN");
        verifyNoInteractions(scoring, evaluations);
    }

    @Test
    void aStoredEvaluationIsCreatedUnderItsOwnPathAndAnUnknownOneIsANotFoundProblem() throws Exception {
        when(evaluations.evaluate("d-1", "council")).thenReturn(new EvaluationRecord().id("r-9"));
        post("/api/v1/dossiers/d-1/evaluations", "council", "")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/evaluations/r-9"))
                .andExpect(jsonPath("$.id").value("r-9"));

        when(evaluations.forDossier("d-1")).thenReturn(List.of(new EvaluationRecord().id("r-9")));
        mvc.perform(get("/api/v1/dossiers/d-1/evaluations").header("Authorization", Http.basic("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("r-9"));

        when(evaluations.get("r-0")).thenThrow(ApiException.notFound("Evaluation", "r-0"));
        problem(
                mvc.perform(get("/api/v1/evaluations/r-0").header("Authorization", Http.basic("auditor"))),
                404,
                "NOT_FOUND");
    }

    /** A problem+json answer with this status and, when given, this stable code. */
    static ResultActions problem(ResultActions r, int status, String code) throws Exception {
        r.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        if (code != null) r.andExpect(jsonPath("$.code").value(code));
        else r.andExpect(jsonPath("$.code").isNotEmpty());
        return r;
    }
}
