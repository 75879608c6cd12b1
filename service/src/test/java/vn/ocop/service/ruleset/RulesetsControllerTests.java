package vn.ocop.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.service.jobs.Jobs;
import vn.ocop.service.platform.security.ApiSecurityForSlices;
import vn.ocop.testsupport.Http;

/**
 * The web slice of the ruleset feature: roles per endpoint, request parsing (JSON and multipart), the Ruleset as the
 * API shows it, and a refusal of the aggregate answered as problem+json with its stable code. The service is mocked.
 */
@WebMvcTest(controllers = RulesetsController.class)
@Import({ApiSecurityForSlices.class, RulesetViews.class, RulesetProblems.class})
@ActiveProfiles("local")
class RulesetsControllerTests {
    static final String ID = "ocop-2023@2";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Rulesets rulesets;

    @MockitoBean
    Jobs jobs;

    Ruleset draft() {
        return RulesetTests.draft(ID, "policy");
    }

    @Test
    void auditorsReadButOnlyPolicyOfficersAndAdminsChangeAndIntegrationSeesNothing() throws Exception {
        when(rulesets.list(null)).thenReturn(List.of(draft()));
        when(rulesets.integrity(any())).thenReturn(new Rulesets.Integrity("SEALED", null, null));
        mvc.perform(get("/api/v1/rulesets").header("Authorization", Http.basic("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(ID))
                .andExpect(jsonPath("$[0].status").value("DRAFT"))
                .andExpect(jsonPath("$[0].history[0].by").value("policy"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-03-01T08:00:00Z"))
                .andExpect(jsonPath("$[0].integrity.status").value("SEALED"));
        mvc.perform(get("/api/v1/rulesets").header("Authorization", Http.basic("integration")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/rulesets/" + ID + "/validate").header("Authorization", Http.basic("auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rulesets")).andExpect(status().isUnauthorized());
        verify(rulesets, never()).validate(anyString(), anyString());
    }

    @Test
    void aJsonDraftIsParsedIntoAnUploadAndAnsweredWithItsLocation() throws Exception {
        when(rulesets.createDraft(any(), eq("policy"))).thenReturn(draft());
        when(rulesets.integrity(any())).thenReturn(new Rulesets.Integrity("SEALED", null, null));
        mvc.perform(
                        post("/api/v1/rulesets")
                                .header("Authorization", Http.basic("policy"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"edition\":\"ocop-2023\",\"parentVersion\":1,\"files\":{\"stars/thresholds.csv\":\"a\"}}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/rulesets/" + ID)))
                .andExpect(jsonPath("$.files[0].path").value("edition.yaml"))
                .andExpect(jsonPath("$.parentVersion").value(1));
        ArgumentCaptor<RulesetDrafts.Upload> upload = ArgumentCaptor.forClass(RulesetDrafts.Upload.class);
        verify(rulesets).createDraft(upload.capture(), eq("policy"));
        assertThat(upload.getValue().edition()).isEqualTo("ocop-2023");
        assertThat(upload.getValue().parentVersion()).isEqualTo(1);
        assertThat(upload.getValue().textFiles()).containsExactly(java.util.Map.entry("stars/thresholds.csv", "a"));
    }

    @Test
    void multipartPartsGoOnAsBytesAndBadPartsAreRefusedByName() throws Exception {
        when(rulesets.createDraft(any(), eq("policy"))).thenReturn(draft());
        when(rulesets.integrity(any())).thenReturn(new Rulesets.Integrity("SEALED", null, null));
        byte[] windows1258 = {(byte) 0xD0, 'i', 'e', 'm'};
        mvc.perform(multipart("/api/v1/rulesets")
                        .file(new MockMultipartFile("files", "stars/thresholds.csv", "text/csv", windows1258))
                        .param("edition", "ocop-2023")
                        .param("parentVersion", "1")
                        .header("Authorization", Http.basic("policy")))
                .andExpect(status().isCreated());
        verify(rulesets)
                .createDraft(
                        eq(new RulesetDrafts.Upload(
                                "ocop-2023",
                                1,
                                null,
                                java.util.Map.of(),
                                java.util.Map.of(
                                        "stars/thresholds.csv",
                                        java.util.Base64.getEncoder().encodeToString(windows1258)),
                                List.of())),
                        eq("policy"));

        mvc.perform(multipart("/api/v1/rulesets")
                        .param("edition", "ocop-2023")
                        .param("parentVersion", "one")
                        .header("Authorization", Http.basic("policy")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(multipart("/api/v1/rulesets")
                        .param("parentVersion", "1")
                        .header("Authorization", Http.basic("policy")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/rulesets")
                        .file(new MockMultipartFile("files", "x.csv", "text/csv", a))
                        .file(new MockMultipartFile("files", "x.csv", "text/csv", a))
                        .param("edition", "ocop-2023")
                        .header("Authorization", Http.basic("policy")))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("UPLOAD_REFUSED"));
    }

    @Test
    void aRefusalOfTheAggregateIsProblemJsonWithItsStableCode() throws Exception {
        when(rulesets.validate(ID, "policy")).thenAnswer(i -> {
            RulesetTests.inStatus(RulesetStatus.PUBLISHED).checkValidatable();
            return null;
        });
        mvc.perform(post("/api/v1/rulesets/" + ID + "/validate").header("Authorization", Http.basic("policy")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("RULESET_NOT_DRAFT"))
                .andExpect(jsonPath("$.status").value(409));
        when(rulesets.publish(eq(ID), any(), eq(false), any(), eq("policy"))).thenAnswer(i -> {
            RulesetTests.testedDraft(ID, "policy").checkPublishable("policy", true);
            return null;
        });
        mvc.perform(post("/api/v1/rulesets/" + ID + "/publish")
                        .header("Authorization", Http.basic("policy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveFrom\":\"2026-07-01\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("RULESET_FOUR_EYES"));
    }

    @Test
    void aValidationAnswersItsReportAndTheStatusItLeft() throws Exception {
        RulesetReports.Validation failed = RulesetTests.FAILED;
        when(rulesets.validate(ID, "policy")).thenReturn(new Rulesets.Validated(failed, RulesetStatus.DRAFT));
        mvc.perform(post("/api/v1/rulesets/" + ID + "/validate").header("Authorization", Http.basic("policy")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.errors[0].file").value("stars/thresholds.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(14))
                .andExpect(jsonPath("$.at").doesNotExist());
    }
}
