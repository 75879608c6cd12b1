package vn.ocop.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ocop.api.client.ApiClient;
import vn.ocop.api.client.ApiException;
import vn.ocop.api.client.AssessmentsApi;
import vn.ocop.api.client.DossiersApi;
import vn.ocop.api.client.EvaluationsApi;
import vn.ocop.api.client.model.AssessmentInput;
import vn.ocop.api.client.model.Dossier;
import vn.ocop.api.client.model.DossierInput;
import vn.ocop.api.client.model.DossierStatus;
import vn.ocop.api.client.model.EvaluationRecord;
import vn.ocop.api.client.model.Location;
import vn.ocop.api.client.model.Producer;
import vn.ocop.api.client.model.ProducerType;
import vn.ocop.api.client.model.Product;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestOcopApplication;

/**
 * Drives the application through the GENERATED Java client: dossier, three assessments, evaluation, read back;
 * then stops the application, starts it again on the same data folder and reads everything again.
 */
class EndToEndClientIT {

    @Test
    void dossierToEvaluationThroughTheGeneratedClientSurvivesARestart(@TempDir Path data) throws Exception {
        String store = data.resolve("ocop.mv").toString();
        String dossierId;
        EvaluationRecord record;
        try (ConfigurableApplicationContext app = start(store)) {
            int port = port(app);
            DossiersApi dossiers = new DossiersApi(client(port, "integration"));
            AssessmentsApi assessments = new AssessmentsApi(client(port, "council"));
            EvaluationsApi evaluations = new EvaluationsApi(client(port, "council"));

            Dossier created = dossiers.createDossier(
                    new DossierInput()
                            .product(new Product().name("Bánh pía Sóc Trăng").subgroup("Chế biến từ gạo, ngũ cốc"))
                            .producer(new Producer()
                                    .name("Cơ sở Tân Huê Viên")
                                    .type(ProducerType.PRIVATE_ENTERPRISE)
                                    .taxOrRegistrationNumber("2200123456"))
                            .location(new Location().provinceCode("92").communeCode("31120"))
                            .edition("ocop-2023")
                            .sheet("food-fresh-produce")
                            .status(DossierInput.StatusEnum.SUBMITTED),
                    null);
            dossierId = created.getId();
            assertThat(created.getVersion()).isEqualTo(1L);
            assertThat(created.getStatus()).isEqualTo(DossierStatus.SUBMITTED);

            assessments.addAssessment(
                    dossierId,
                    new AssessmentInput().member("Nguyễn Văn An").selections(Map.of("A1", 3, "B1", 3, "C1", 3)),
                    null);
            assessments.addAssessment(
                    dossierId,
                    new AssessmentInput().member("Trần Thị Bình").selections(Map.of("A1", 2, "B1", 3, "C1", 3)),
                    null);
            assessments.addAssessment(
                    dossierId,
                    new AssessmentInput().member("Lê Văn Cường").selections(Map.of("A1", 3, "B1", 2, "C1", 2)),
                    null);
            assertThatThrownBy(() -> assessments.addAssessment(
                            dossierId,
                            new AssessmentInput().member("Lê Văn Cường").selections(Map.of("A1", 1, "B1", 1, "C1", 1)),
                            null))
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> {
                        assertThat(((ApiException) e).getCode()).isEqualTo(409);
                        assertThat(((ApiException) e).getResponseBody()).contains("DUPLICATE_ASSESSMENT");
                    });

            record = evaluations.evaluateDossier(dossierId, null);
            // 100, 24+25+35 = 84, 40+15+21 = 76 → average 86.67 → 4 stars
            assertThat(record.getSequence()).isEqualTo(1L);
            assertThat(record.getResult().getStars()).isEqualTo(4);
            assertThat(record.getResult().getAverageTotalRounded()).isEqualByComparingTo("86.67");
            assertThat(record.getAssessments())
                    .extracting(AssessmentInput::getMember)
                    .containsExactly("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường");
            assertThat(evaluations.getEvaluation(record.getId())).isEqualTo(record);
            assertThat(dossiers.getDossier(dossierId).getStars()).isEqualTo(4);
        }

        try (ConfigurableApplicationContext app = start(store)) {
            int port = port(app);
            EvaluationRecord again = new EvaluationsApi(client(port, "auditor")).getEvaluation(record.getId());
            assertThat(again).isEqualTo(record);
            List<EvaluationRecord> all = new EvaluationsApi(client(port, "auditor")).listDossierEvaluations(dossierId);
            assertThat(all).containsExactly(record);
            Dossier dossier = new DossiersApi(client(port, "auditor")).getDossier(dossierId);
            assertThat(dossier.getStatus()).isEqualTo(DossierStatus.EVALUATED);
            assertThat(new AssessmentsApi(client(port, "auditor")).listAssessments(dossierId))
                    .hasSize(3);
        }
        assertThat(Files.size(Path.of(store))).isPositive();
    }

    static ConfigurableApplicationContext start(String store) {
        return TestOcopApplication.start(
                "--server.port=0",
                "--spring.profiles.active=local",
                "--ocop.storage.embedded.path=" + store,
                "--spring.main.banner-mode=off");
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    static ApiClient client(int port, String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(b -> b.header("Authorization", Http.basic(user)));
        return client;
    }
}
