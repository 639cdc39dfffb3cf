package dev.foyer.projects;

import dev.foyer.portal.SharedItem;
import dev.foyer.portal.SharingDefaultsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * New items start shared as the organization's sharing defaults say (PRT-5), kept by the portal
 * module and read at each creation, through the UI and the API alike.
 */
@Configuration(proxyBeanMethods = false)
class SharingConfiguration {

    @Bean
    SharingDefaults portalSharingDefaults(SharingDefaultsSettings settings) {
        return kind -> switch (kind) {
            case TASK -> settings.sharedByDefault(SharedItem.TASKS);
            case MILESTONE -> settings.sharedByDefault(SharedItem.MILESTONES);
            case UPDATE -> settings.sharedByDefault(SharedItem.UPDATES);
            case DOCUMENT -> settings.sharedByDefault(SharedItem.DOCUMENTS);
            case EVENT -> settings.sharedByDefault(SharedItem.EVENTS);
            case COMMENT -> settings.sharedByDefault(SharedItem.COMMENTS);
            // A task list has no switch of its own (ACC-4).
            case TASK_LIST -> false;
        };
    }
}
