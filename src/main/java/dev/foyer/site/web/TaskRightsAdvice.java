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

    /** EXP-5: which of milestones, updates, documents and events the user may add, and whose items link to their page. */
    @ModelAttribute("itemRights")
    ItemRights itemRights(@AuthenticationPrincipal PortalPrincipal user) {
        java.util.Set<String> create = new java.util.HashSet<>();
        java.util.Set<String> open = new java.util.HashSet<>();
        if (user != null) {
            for (PortalModule module : dev.foyer.portal.PortalRecordWrites.PROJECT_ITEM_MODULES) {
                var actions = forms.actions(user.id(), module);
                if (actions.contains(PortalAction.CREATE)) {
                    create.add(module.name());
                }
                if (actions.stream().anyMatch(a -> a != PortalAction.CREATE)) {
                    open.add(module.name());
                }
            }
        }
        return new ItemRights(java.util.Set.copyOf(create), java.util.Set.copyOf(open));
    }

    /** Module names (e.g. {@code MILESTONES}) the user may add to, and whose items they may open to act on. */
    record ItemRights(java.util.Set<String> create, java.util.Set<String> open) {

        public boolean canCreate(String module) {
            return create.contains(module);
        }

        public boolean canOpen(String module) {
            return open.contains(module);
        }
    }

    /** The user's task field rights and whether they may add tasks. */
    record TaskRights(FieldMask mask, boolean canCreate) {
    }
}
