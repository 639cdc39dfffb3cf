package dev.foyer.portal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A project as a portal user sees it (EXP-2): a field their user type hides is null (ACC-8), and
 * progress counts only the shared tasks they see (ACC-4); done is null when task status is hidden.
 */
public record PortalProject(UUID id, String name, String description, String status, LocalDate startDate,
                            LocalDate dueDate, long sharedTasks, Long doneTasks) {

    /** The description (rich text as staff wrote it) as the plain text portal pages print. */
    public String descriptionText() {
        return PortalText.plain(description);
    }
}
