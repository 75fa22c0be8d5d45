package io.seicheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.web.StrictJsonConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** "What is missing" names the fields a request did not give, unless it gave them all. */
class GivenInputsTests {

    private static final JsonMapper JSON = StrictJsonConfiguration.strict(JsonMapper.builder()).build();

    private static GivenInputs given(String request) {
        return new GivenInputs(JSON.valueToTree(JSON.readValue(request, AssessmentRequest.class)));
    }

    @Test
    void aGivenFieldIsNotAskedForAgain() {
        GivenInputs inputs = given("""
                {"company": {"creditCode": "91310115MAN1GRPJ98", "name": "x", "employees": 310,
                 "financials": [{"year": 2025, "revenue": 420000000}]}}""");
        assertThat(inputs.absent(List.of("/company/employees", "/company/rdPersonnel")))
                .containsExactly("/company/rdPersonnel");
        assertThat(inputs.absent(List.of("/company/financials/0/mainBusinessRevenue", "/company/financials/0/revenue")))
                .containsExactly("/company/financials/0/mainBusinessRevenue");
        assertThat(inputs.absent(List.of("/company/financials/1/revenue", "/company/financials/0/revenue")))
                .containsExactly("/company/financials/1/revenue");
    }

    @Test
    void anEmptyListCountsAsNotGiven() {
        GivenInputs inputs = given("""
                {"company": {"creditCode": "91310115MAN1GRPJ98", "name": "x", "products": []}}""");
        assertThat(inputs.absent(List.of("/company/employees", "/company/products", "/company/name")))
                .containsExactly("/company/employees", "/company/products");
    }

    @Test
    void whenEveryFieldIsGivenAllStayNamed() {
        // given, and still not enough to decide (one fiscal year where three are needed): more is needed there
        GivenInputs inputs = given("""
                {"company": {"creditCode": "91310115MAN1GRPJ98", "name": "x",
                 "financials": [{"year": 2025, "revenue": 420000000}]}}""");
        assertThat(inputs.absent(List.of("/company/financials"))).containsExactly("/company/financials");
    }
}
