package dev.foyer.site.web;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.FieldMask;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalForms;
import dev.foyer.portal.PortalModule;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * EXP-5, PRT-4 on the project pages: the task list shows a column only for task fields the user
 * type shows, links each task to its page, and offers "Add a task" where the type grants CREATE.
 * Kept beside {@link PortalProjectsController} so the reading pages stay as they are.
 */
@ControllerAdvice(assignableTypes = PortalProjectsController.class)
class TaskRightsAdvice {

    private final PortalForms forms;

    TaskRightsAdvice(PortalForms forms) {
        this.forms = forms;
    }

    @ModelAttribute("taskRights")
    TaskRights taskRights(@AuthenticationPrincipal PortalPrincipal user) {
        if (user == null) {
            return new TaskRights(FieldMask.nothing(PortalModule.TASKS), false);
        }
        return new TaskRights(forms.mask(user.id(), PortalModule.TASKS),
                forms.actions(user.id(), PortalModule.TASKS).contains(PortalAction.CREATE));
    }

    /** The user's task field rights and whether they may add tasks. */
    record TaskRights(FieldMask mask, boolean canCreate) {
    }
}
