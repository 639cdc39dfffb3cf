package dev.foyer.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Ends every open session of a staff user whose role or active state changed. */
@Component
class SessionTerminator {

    private static final Logger log = LoggerFactory.getLogger(SessionTerminator.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(StaffAccessChanged event) {
        var open = sessions.findByPrincipalName(event.staffUser().toString());
        open.keySet().forEach(sessions::deleteById);
        if (!open.isEmpty()) {
            log.info("Ended {} session(s) of staff user {}", open.size(), event.staffUser());
        }
    }
}
