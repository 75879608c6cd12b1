package vn.ocop.service.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ocop.api.model.Dossier;
import vn.ocop.api.model.DossierInput;
import vn.ocop.api.model.DossierPage;
import vn.ocop.service.platform.security.ApiSecurityForSlices;
import vn.ocop.service.platform.web.ApiException;
import vn.ocop.testsupport.Http;

/**
 * The web slice of the dossier feature: each operation's path, roles, headers (Location, ETag, If-Match) and query
 * defaults as DossierController hands them to {@link Dossiers} (mocked), and refusals as problem+json with their
 * stable codes. The stored behaviour (versions, NFC, filters) is the whole application's, in ApiContract.
 */
@WebMvcTest(controllers = DossierController.class)
@Import(ApiSecurityForSlices.class)
@ActiveProfiles("local")
class DossierControllerTests {
    static final String ID = "6f1c2d3e-0000-4000-8000-000000000001";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Dossiers dossiers;

    static Dossier stored(long version) {
        return new Dossier().id(ID).version(version).edition("ocop-2023").sheet("food-fresh-produce");
    }

    @Test
    void aCreatedDossierIsAnsweredWithItsLocationAndVersionAndRecordsWhoCreatedIt() throws Exception {
        when(dossiers.create(any(), eq("integration"))).thenReturn(stored(1));
        mvc.perform(post("/api/v1/dossiers")
                        .header("Authorization", Http.basic("integration"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Http.dossierJson("Bưởi Năm Roi", "82", null)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/dossiers/" + ID))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.id").value(ID));
        ArgumentCaptor<DossierInput> input = ArgumentCaptor.forClass(DossierInput.class);
        verify(dossiers).create(input.capture(), eq("integration"));
        assertThat(input.getValue().getProduct().getName()).isEqualTo("Bưởi Năm Roi");
        assertThat(input.getValue().getLocation().getProvinceCode()).isEqualTo("82");
    }

    @Test
    void onlyIntegrationAndAdminsWriteAndAnonymousCallersAreUnauthorized() throws Exception {
        problem(
                mvc.perform(post("/api/v1/dossiers")
                        .header("Authorization", Http.basic("auditor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Http.dossierJson("Bưởi", "82", null))),
                403,
                "FORBIDDEN");
        problem(
                mvc.perform(put("/api/v1/dossiers/" + ID)
                        .header("Authorization", Http.basic("council"))
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Http.dossierJson("Bưởi", "82", null))),
                403,
                "FORBIDDEN");
        mvc.perform(get("/api/v1/dossiers/" + ID))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(dossiers);
    }

    @Test
    void aReadDossierCarriesItsVersionAsETagAndAnUnknownOneIsANotFoundProblem() throws Exception {
        when(dossiers.get(ID)).thenReturn(stored(7));
        mvc.perform(get("/api/v1/dossiers/" + ID).header("Authorization", Http.basic("auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"7\""))
                .andExpect(jsonPath("$.version").value(7));

        when(dossiers.get("nope")).thenThrow(ApiException.notFound("Dossier", "nope"));
        problem(
                mvc.perform(get("/api/v1/dossiers/nope").header("Authorization", Http.basic("auditor"))),
                404,
                "NOT_FOUND");
    }

    @Test
    void aReplacementPassesIfMatchOnAndAnswersTheNewVersion() throws Exception {
        when(dossiers.replace(eq(ID), eq("\"3\""), any())).thenReturn(stored(4));
        mvc.perform(put("/api/v1/dossiers/" + ID)
                        .header("Authorization", Http.basic("integration"))
                        .header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Http.dossierJson("Bưởi da xanh", "82", null)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""));

        when(dossiers.replace(eq(ID), isNull(), any()))
                .thenThrow(new ApiException(
                        HttpStatus.PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED", "Cần If-Match (If-Match required)"));
        problem(
                mvc.perform(put("/api/v1/dossiers/" + ID)
                        .header("Authorization", Http.basic("integration"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Http.dossierJson("Bưởi da xanh", "82", null))),
                428,
                "PRECONDITION_REQUIRED");
    }

    @Test
    void theListGetsTheContractsDefaultsAndItsFiltersAsGiven() throws Exception {
        when(dossiers.list(any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt(), any()))
                .thenReturn(new DossierPage().page(0).size(20).hasNext(false));
        mvc.perform(get("/api/v1/dossiers").header("Authorization", Http.basic("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(20));
        verify(dossiers).list(null, null, null, null, null, null, null, 0, 20, "createdAt,desc");

        mvc.perform(get("/api/v1/dossiers")
                        .param("province", "82")
                        .param("status", "EVALUATED")
                        .param("stars", "4")
                        .param("page", "2")
                        .param("size", "50")
                        .param("sort", "product,asc")
                        .header("Authorization", Http.basic("auditor")))
                .andExpect(status().isOk());
        verify(dossiers).list(null, "82", null, null, null, "EVALUATED", 4, 2, 50, "product,asc");
    }

    @Test
    void badRequestsAreValidationProblemsNamingTheFieldAndNeverReachTheService() throws Exception {
        for (String[] bad : new String[][] {{"stars", "bốn"}, {"size", "1000"}, {"status", "NO_SUCH_STATUS"}}) {
            ResultActions r = mvc.perform(
                    get("/api/v1/dossiers").param(bad[0], bad[1]).header("Authorization", Http.basic("auditor")));
            problem(r, 400, "VALIDATION_FAILED");
        }
        problem(
                mvc.perform(post("/api/v1/dossiers")
                        .header("Authorization", Http.basic("integration"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"product\":")),
                400,
                null);
        verifyNoInteractions(dossiers);
    }

    /** A problem+json answer with this status and, when given, this stable code. */
    static void problem(ResultActions r, int status, String code) throws Exception {
        r.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        if (code != null) r.andExpect(jsonPath("$.code").value(code));
        else r.andExpect(jsonPath("$.code").isNotEmpty());
    }
}
