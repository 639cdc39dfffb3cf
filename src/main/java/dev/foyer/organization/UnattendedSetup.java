package dev.foyer.organization;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Completes setup at startup from configuration, for installs without a person at the browser. */
@Component
@Order(0)
class UnattendedSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnattendedSetup.class);

    private final UnattendedSetupSettings settings;
    private final Setup setup;

    UnattendedSetup(UnattendedSetupSettings settings, Setup setup) {
        this.settings = settings;
        this.setup = setup;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.requested() || !setup.isOpen()) {
            return;
        }
        var result = OrganizationProfile.validate(settings.organizationName(), settings.internalDomains(),
                settings.defaultLanguage(), settings.timeZone(), settings.timeFormat(),
                Optional.ofNullable(settings.country()).orElse(""));
        if (!result.valid()) {
            throw new IllegalStateException("Unattended setup: invalid FOYER_SETUP_* settings " + result.errors());
        }
        setup.completeUnattended(new SetupRequest(result.profile(), settings.adminName(), settings.adminEmail(),
                settings.adminPassword()));
        log.info("Unattended setup completed for {}", settings.adminEmail());
    }
}
