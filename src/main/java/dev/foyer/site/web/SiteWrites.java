package dev.foyer.site.web;

import java.util.function.Supplier;

import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalRecordNotFound;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.site.PortalPageNotFound;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the portal's write controllers answer (issue 7 items 2, 3): a refused write of what the user
 * may not see or do is the same 404 page as what does not exist (ACC-10); bad input goes back to
 * the page it came from with the message next to the field and what was typed (POST-redirect-GET).
 */
final class SiteWrites {

    static final String PROBLEMS = "interactProblems";
    static final String FORM = "interactForm";
    static final String TEXT = "interactText";
    static final String NOTICE = "interactNotice";

    private SiteWrites() {
    }

    /** Runs the write; refusals of the not-found kind become the portal's 404 page. */
    static <T> T run(Supplier<T> write) {
        try {
            return write.get();
        } catch (PortalRecordNotFound e) {
            throw new PortalPageNotFound();
        }
    }

    /** Runs the write and redirects to {@code back}; bad input is shown there on form {@code form}, with the text kept. */
    static String redirect(RedirectAttributes flash, String back, String form, String text, String notice,
                           Runnable write) {
        try {
            run(() -> {
                write.run();
                return null;
            });
            flash.addFlashAttribute(NOTICE, notice);
        } catch (PortalException problem) {
            flash.addFlashAttribute(PROBLEMS, problem.problems());
            flash.addFlashAttribute(FORM, form);
            flash.addFlashAttribute(TEXT, text);
        }
        return "redirect:" + back;
    }

    static String pageOf(String slug, RecordRef record) {
        return switch (record.kind()) {
            case PROJECT -> "/p/" + slug + "/projects/" + record.id();
            case TICKET -> "/p/" + slug + "/tickets/" + record.id();
            default -> throw new PortalPageNotFound();
        };
    }

    static RecordKind commentKind(String kind) {
        return switch (kind) {
            case "project" -> RecordKind.PROJECT_COMMENT;
            case "ticket" -> RecordKind.TICKET_COMMENT;
            default -> throw new PortalPageNotFound();
        };
    }
}
