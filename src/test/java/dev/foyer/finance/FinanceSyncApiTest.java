package dev.foyer.finance;

import java.net.http.HttpResponse;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 item 6: an ERP pushes its quotes, invoices, orders and contracts into Foyer by external
 * reference; a second identical run changes nothing; stale writes, illegal transitions and edits of
 * sent documents are refused with a ProblemDetail and change nothing; payments move invoices on.
 */
@FoyerFullStackTest
class FinanceSyncApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String writeToken;
    String readToken;
    String company;

    @BeforeEach
    void token() {
        api = new ApiClient(port);
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        writeToken = tokens.create(admin, "ERP sync " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        readToken = tokens.create(admin, "ERP read " + System.nanoTime(), ApiScope.READ, null).secret();
        company = "ERP-C-" + System.nanoTime();
        assertThat(api.send("PUT", "/api/v1/companies/by-external-ref/" + company, writeToken,
                "{\"name\":\"ERP customer " + company + "\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void invoicesSyncByExternalReferenceAndASecondRunChangesNothing() throws Exception {
        String run = "R" + System.nanoTime();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> created = put("/api/v1/invoices/by-external-ref/" + run + "-" + i, invoice(i, "SENT"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        JsonNode first = JSON.readTree(api.get("/api/v1/invoices/by-external-ref/" + run + "-7", writeToken).body());
        assertThat(first.get("status").asText()).isEqualTo("SENT");
        assertThat(first.get("number").asText()).startsWith("INV-");
        // 3 × 12.99 = 38.97 less 10 % = 35.073 → 35.07; 7 % → 2.4549 → 2.45; + 100.00 @ 19 % = 19.00
        assertThat(first.get("netTotal").asText()).isEqualTo("135.07");
        assertThat(first.get("taxTotal").asText()).isEqualTo("21.45");
        assertThat(first.get("total").asText()).isEqualTo("156.52");
        assertThat(first.get("lines").get(0).get("net").asText()).isEqualTo("35.07");
        assertThat(first.get("lines").get(0).get("quantity").asText()).isEqualTo("3");

        long changes = count("record_change");
        String fingerprint = fingerprint(run);
        for (int i = 0; i < 30; i++) {
            assertThat(put("/api/v1/invoices/by-external-ref/" + run + "-" + i, invoice(i, "SENT")).statusCode())
                    .isEqualTo(200);
        }
        assertThat(count("record_change")).as("no history written by an identical run").isEqualTo(changes);
        assertThat(fingerprint(run)).as("versions and update times unchanged").isEqualTo(fingerprint);

        HttpResponse<String> changedLines = put("/api/v1/invoices/by-external-ref/" + run + "-7",
                invoice(7, "SENT").replace("\"3\"", "\"4\""));
        assertProblem(changedLines, 400);
        assertThat(changedLines.body()).contains("no longer a draft");
        assertThat(fingerprint(run)).isEqualTo(fingerprint);

        JsonNode page = JSON.readTree(api.get("/api/v1/invoices?size=500", writeToken).body());
        assertThat(page.get("size").asInt()).as("clamped").isEqualTo(200);
        assertThat(JSON.readTree(api.get("/api/v1/quotes/by-external-ref/" + run + "-7", writeToken).body())
                .get("status").asInt()).as("references are per kind").isEqualTo(404);
    }

    @Test
    void aStaleUpdateIsRefusedWithAProblemDetailAndChangesNothing() throws Exception {
        JsonNode quote = JSON.readTree(api.send("POST", "/api/v1/quotes", writeToken, quote("Original", null)).body());
        String path = "/api/v1/quotes/" + quote.get("id").asText();
        assertThat(quote.get("status").asText()).isEqualTo("DRAFT");
        HttpResponse<String> first = api.send("PUT", path, writeToken, quote("First writer", 0L));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");
        long changes = count("record_change");

        HttpResponse<String> stale = api.send("PUT", path, writeToken, quote("Second writer", 0L));
        assertProblem(stale, 409);
        JsonNode stored = JSON.readTree(api.get(path, writeToken).body());
        assertThat(stored.get("lines").get(0).get("description").asText()).isEqualTo("First writer");
        assertThat(stored.get("version").asLong()).isEqualTo(1);
        assertThat(count("record_change")).isEqualTo(changes);
    }

    @Test
    void transitionsFollowTheLifecycleAndPaymentsMoveAnInvoiceOn() throws Exception {
        JsonNode invoice = JSON.readTree(api.send("POST", "/api/v1/invoices", writeToken, invoice(1, null)).body());
        String path = "/api/v1/invoices/" + invoice.get("id").asText();
        HttpResponse<String> illegal = api.send("POST", path + "/status", writeToken, "{\"status\":\"PAID\",\"version\":0}");
        assertProblem(illegal, 400);
        assertThat(JSON.readTree(illegal.body()).get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(JSON.readTree(api.get(path, writeToken).body()).get("version").asLong()).isZero();

        HttpResponse<String> sent = api.send("POST", path + "/status", writeToken, "{\"status\":\"SENT\",\"version\":0}");
        assertThat(sent.statusCode()).isEqualTo(200);
        HttpResponse<String> tooMuch = api.send("POST", path + "/payments", writeToken,
                "{\"paidOn\":\"2026-03-10\",\"amount\":\"156.53\",\"method\":\"BANK_TRANSFER\",\"version\":1}");
        assertProblem(tooMuch, 400);
        HttpResponse<String> paid = api.send("POST", path + "/payments", writeToken,
                "{\"paidOn\":\"2026-03-10\",\"amount\":\"56.52\",\"method\":\"bank_transfer\",\"reference\":\"SEPA 1\",\"version\":1}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode partly = JSON.readTree(paid.body());
        assertThat(partly.get("status").asText()).isEqualTo("PARTLY_PAID");
        assertThat(partly.get("openAmount").asText()).isEqualTo("100.00");
        JsonNode payments = JSON.readTree(api.get(path + "/payments", writeToken).body());
        assertThat(payments.get("items").get(0).get("amount").asText()).isEqualTo("56.52");

        assertProblem(api.send("DELETE", path + "?version=2", writeToken, null), 400);
        JsonNode draft = JSON.readTree(api.send("POST", "/api/v1/invoices", writeToken, invoice(2, null)).body());
        assertThat(api.send("DELETE", "/api/v1/invoices/" + draft.get("id").asText() + "?version=0", writeToken, null)
                .statusCode()).isEqualTo(204);
    }

    @Test
    void badLinesAreNamedPerLineAndAReadTokenCannotWrite() throws Exception {
        HttpResponse<String> bad = api.send("POST", "/api/v1/orders", writeToken, "{\"companyExternalRef\":\"" + company
                + "\",\"issueDate\":\"2026-03-02\",\"currency\":\"EUR\",\"lines\":[{\"description\":\"Ok\",\"quantity\":\"1\","
                + "\"unitPrice\":\"1\"},{\"description\":\"\",\"quantity\":\"0\",\"unitPrice\":\"x\",\"taxRate\":\"101\"}]}");
        assertProblem(bad, 400);
        JsonNode errors = JSON.readTree(bad.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).contains("lines[1].unitPrice", "lines[1].quantity",
                "lines[1].description", "lines[1].taxRate").doesNotContain("lines[0].quantity");
        assertThat(api.send("POST", "/api/v1/contracts", readToken, quote("Nope", null)).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/contracts", readToken).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/receipts", writeToken).statusCode()).isEqualTo(404);
    }

    private String invoice(int i, String status) {
        return "{\"companyExternalRef\":\"" + company + "\",\"issueDate\":\"2026-03-02\",\"dueDate\":\"2026-03-16\","
                + "\"currency\":\"EUR\",\"terms\":\"Payable within 14 days.\",\"internalNotes\":\"Synced " + i + "\","
                + "\"lines\":[{\"description\":\"Posters\",\"quantity\":\"3\",\"unit\":\"pcs\",\"unitPrice\":\"12.99\","
                + "\"discountPercent\":\"10\",\"taxRate\":\"7\"},{\"description\":\"Design\",\"quantity\":1,"
                + "\"unitPrice\":100.00,\"taxRate\":19}]"
                + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
    }

    private String quote(String description, Long version) {
        return "{\"companyExternalRef\":\"" + company + "\",\"issueDate\":\"2026-03-02\",\"currency\":\"EUR\","
                + "\"lines\":[{\"description\":\"" + description + "\",\"quantity\":\"1\",\"unitPrice\":\"10\"}]"
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private HttpResponse<String> put(String path, String body) {
        return api.send("PUT", path, writeToken, body);
    }

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("title")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.foyer");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String fingerprint(String run) {
        return String.join(",", jdbc.sql("""
                        select external_ref || ':' || version || ':' || updated_at from finance_document
                        where external_ref like :p order by external_ref limit 500""")
                .param("p", run + "-%").query(String.class).list());
    }
}
