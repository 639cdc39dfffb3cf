package dev.foyer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.CrudRepository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3: no list endpoint or page returns unbounded rows. Every list query names a LIMIT, and
 * nothing reads a whole table through a repository's findAll.
 */
class BoundedReadsTest {

    @Test
    void everyListQueryHasALimit() throws IOException {
        List<String> unbounded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                int at = source.indexOf(".list()");
                while (at >= 0) {
                    int statementStart = source.lastIndexOf(".sql(", at);
                    String statement = statementStart < 0 ? "" : source.substring(statementStart, at);
                    String sql = statement.toLowerCase(Locale.ROOT);
                    // Bounded by a LIMIT, or by the caller's list of ids (one page of them).
                    if (!sql.contains("limit") && !sql.contains(" in (:")) {
                        unbounded.add(file + " at offset " + at);
                    }
                    at = source.indexOf(".list()", at + 1);
                }
            }
        }
        assertThat(unbounded).as("list queries without a LIMIT").isEmpty();
    }

    @Test
    void noCodeReadsAWholeTableThroughARepository() {
        DescribedPredicate<JavaMethodCall> wholeTableRead = DescribedPredicate.describe(
                "findAll without a Pageable on a Spring Data repository (findAllById is bounded by its ids)",
                call -> call.getTarget().getName().equals("findAll")
                        && call.getTargetOwner().isAssignableTo(CrudRepository.class)
                        && call.getTarget().getRawParameterTypes().stream()
                                .noneMatch(type -> type.isAssignableTo(Pageable.class)));
        noClasses().should().callMethodWhere(wholeTableRead)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.foyer"));
    }
}
