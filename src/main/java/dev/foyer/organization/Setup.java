package dev.foyer.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First run: on an empty database Foyer creates the organization and its first admin once,
 * either from the setup page (guarded by a token printed in the log) or unattended from
 * configuration. Once an admin exists setup is closed for good.
 */
@Service
public class Setup {

    private static final Logger log = LoggerFactory.getLogger(Setup.class);
    /** Serializes concurrent setup attempts across app nodes. */
    private static final long SETUP_LOCK = 0x466f796572L;

    private final Organizations organizations;
    private final StaffAccounts staffAccounts;
    private final JdbcClient jdbc;
    private final String token;
    private final String publicBaseUrl;

    Setup(Organizations organizations, StaffAccounts staffAccounts, JdbcClient jdbc,
          @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.organizations = organizations;
        this.staffAccounts = staffAccounts;
        this.jdbc = jdbc;
        this.publicBaseUrl = publicBaseUrl;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    public boolean isOpen() {
        return !organizations.isSetUp();
    }

    /** Setup from the page: the token must match the one this node printed. */
    @Transactional
    public StaffUser completeWithToken(String offeredToken, SetupRequest request) {
        lockAndRequireOpen();
        if (offeredToken == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                offeredToken.strip().getBytes(StandardCharsets.UTF_8))) {
            log.warn("Setup refused: wrong setup token");
            throw new SetupClosedException("wrong setup token");
        }
        return complete(request);
    }

    /** Setup from configuration or the demo loader, with no token. */
    @Transactional
    public StaffUser completeUnattended(SetupRequest request) {
        lockAndRequireOpen();
        return complete(request);
    }

    private void lockAndRequireOpen() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", SETUP_LOCK).query((rs, n) -> 1).single();
        if (organizations.existsInDatabase() || staffAccounts.anyActiveAdmin()) {
            log.warn("Setup refused: already completed");
            throw new SetupClosedException("setup already completed");
        }
    }

    private StaffUser complete(SetupRequest request) {
        organizations.create(request.organization());
        StaffUser admin = staffAccounts.createFirstAdmin(request.adminEmail(), request.adminName(),
                request.adminPassword());
        log.info("Setup completed for organization '{}'", request.organization().name());
        return admin;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceToken() {
        if (isOpen()) {
            log.warn("Foyer is not set up yet. Open {}/setup and enter the setup token {}", publicBaseUrl, token);
        }
    }

    /** The token this node printed at startup. */
    String token() {
        return token;
    }
}
