package dev.foyer.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.FinanceBuilders.aDocument;
import static dev.foyer.test.FinanceBuilders.aQuote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 4 acceptance: document numbers stay unique and consecutive when many documents are created
 * at once from parallel threads; each kind counts on its own with its own prefix.
 */
@FoyerDataTest
class DocumentNumbersTest {

    @Autowired
    FinanceDocuments documents;
    @Autowired
    DocumentNumbers numbers;
    @Autowired
    Companies companies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eightThreadsCreatingTwentyFiveInvoicesEachGetTwoHundredDistinctConsecutiveNumbers() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        long first = jdbc.sql("select next_value from finance_number_counter where kind = 'INVOICE'")
                .query(Long.class).single();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<FinanceDocument>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                Callable<List<FinanceDocument>> creator = () -> {
                    start.await();
                    List<FinanceDocument> created = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        created.add(aDocument(DocumentKind.INVOICE).of(company.id()).createdBy(documents, admin));
                    }
                    return created;
                };
                results.add(pool.submit(creator));
            }
            start.countDown();
            List<FinanceDocument> all = new ArrayList<>();
            for (Future<List<FinanceDocument>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(200);
            assertThat(all).extracting(FinanceDocument::number).doesNotHaveDuplicates()
                    .allMatch(number -> number.startsWith("INV-"));
            assertThat(all.stream().mapToLong(FinanceDocument::sequence).sorted().toArray())
                    .as("consecutive, without gaps").containsExactly(LongStream.range(first, first + 200).toArray());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) = count(distinct number) from finance_document where kind = 'INVOICE'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void eachKindCountsOnItsOwnAndAPrefixChangeKeepsIssuedNumbers() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        FinanceDocument quote = aQuote().of(company.id()).createdBy(documents, admin);
        FinanceDocument contract = aDocument(DocumentKind.CONTRACT).of(company.id()).createdBy(documents, admin);
        assertThat(quote.number()).matches("Q-\\d{4,}");
        assertThat(contract.number()).matches("CT-\\d{4,}");

        DocumentNumbers.Numbering numbering = numbers.all(admin).stream()
                .filter(n -> n.kind() == DocumentKind.QUOTE).findFirst().orElseThrow();
        assertThatThrownBy(() -> numbers.update(admin, DocumentKind.QUOTE, numbering.version(), "A<script>",
                numbering.nextValue() - 1)).isInstanceOfSatisfying(FinanceException.class, e ->
                assertThat(e.problems()).containsEntry("prefix", "finance.error.prefix")
                        .containsEntry("nextValue", "finance.error.nextValue"));
        numbers.update(admin, DocumentKind.QUOTE, numbering.version(), "ANG-2026/", 5000L);
        assertThatThrownBy(() -> numbers.update(admin, DocumentKind.QUOTE, numbering.version(), "X-", null))
                .isInstanceOf(StaleVersionException.class);

        FinanceDocument next = aQuote().of(company.id()).createdBy(documents, admin);
        assertThat(next.number()).isEqualTo("ANG-2026/5000");
        assertThat(documents.find(admin, quote.id()).orElseThrow().number()).isEqualTo(quote.number());
    }
}
