package dev.foyer.portal;

import java.util.UUID;

import dev.foyer.test.FoyerDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EXP-7, EXP-9: the activity log records inside the acting transaction, and only there. */
@FoyerDataTest
class RecordActivitiesTest {

    @Autowired RecordActivities activities;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void anActivityCommitsAndRollsBackWithTheWriteThatCausedIt() {
        UUID comment = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        RecordActivity activity = new RecordActivity(ActivityActor.portalUser(PortalUserId.newId(), "Pat Portal"),
                ActivityKind.COMMENTED, RecordRef.of(RecordKind.PROJECT_COMMENT, comment),
                RecordRef.of(RecordKind.PROJECT, project), "  Looks good  ");

        transactions.executeWithoutResult(status -> {
            activities.record(activity);
            status.setRollbackOnly();
        });
        assertThat(rowsWithin(project)).isZero();

        long id = transactions.execute(status -> activities.record(activity));
        assertThat(rowsWithin(project)).isOne();
        assertThat(jdbc.sql("select summary from record_activity where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Looks good");
    }

    @Test
    void outsideATransactionNothingIsRecorded() {
        UUID ticket = UUID.randomUUID();
        RecordActivity activity = new RecordActivity(ActivityActor.staff(UUID.randomUUID(), "Sam Staff"),
                ActivityKind.STATUS_CHANGED, RecordRef.of(RecordKind.TICKET, ticket), null, "Closed");

        assertThatThrownBy(() -> activities.record(activity)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rowsWithin(ticket)).isZero();
    }

    @Test
    void anActivityHasExactlyOneActor() {
        assertThatThrownBy(() -> new ActivityActor(UUID.randomUUID(), PortalUserId.newId(), "both"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivityActor(null, null, "nobody"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long rowsWithin(UUID within) {
        return jdbc.sql("select count(*) from record_activity where within_id = :id").param("id", within)
                .query(Long.class).single();
    }
}
