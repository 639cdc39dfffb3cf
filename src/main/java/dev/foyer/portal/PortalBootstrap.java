package dev.foyer.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** PRT-1: the first portal ("Customer portal", customers only) exists from the first start on. */
@Component
class PortalBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PortalBootstrap.class);

    private final Portals portals;

    PortalBootstrap(Portals portals) {
        this.portals = portals;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            portals.ensureCustomerPortal();
        } catch (DataIntegrityViolationException e) {
            // Another node created it at the same moment; theirs is the one.
            log.info("The first portal was created by another node");
        }
    }
}
