package io.seicheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.ServiceClient;
import io.seicheck.ServiceTest;
import io.seicheck.decisionlog.DecisionAppender;
import io.seicheck.decisionlog.DecisionLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The benchmarks' switches are absent from the service as it normally starts (no `bench` profile). */
@ServiceTest
class BenchProfileAbsenceTests {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void noBeanOfTheBenchPackageIsInTheNormalContext() {
        assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType)
                .filter(type -> type != null && type.getPackageName().equals(BareApplication.class.getPackageName())))
                .isEmpty();
    }

    @Test
    void decisionsGoToTheDecisionLog() {
        assertThat(context.getBean(DecisionAppender.class)).isInstanceOf(DecisionLog.class);
    }

    @Test
    void theBaselineEndpointIsNotFoundAndAssessmentsAreReal() throws Exception {
        String body = Files.readString(Path.of("samples", "ic-designer.json"));
        ServiceClient client = new ServiceClient(port);
        assertThat(client.postJson(BaselineController.PATH + "?suggestions=false", body).status()).isEqualTo(404);
        ServiceClient.Reply assessed = client.postJson("/v1/assessments?suggestions=false", body);
        assertThat(assessed.status()).isEqualTo(200);
        assertThat(assessed.body().get("verdict")).isNotNull();
        assertThat(assessed.body().get("receipt").get("entryHash").asString()).isNotEqualTo(UnloggedDecisions.NO_HASH);
    }
}
