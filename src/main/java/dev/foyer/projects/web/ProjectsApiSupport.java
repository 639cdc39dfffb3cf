package dev.foyer.projects.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.foyer.api.ApiFieldError;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.ExternalRef;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.directory.Upserted;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.ProjectsException;
import dev.foyer.projects.TaskListId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the projects' API controllers share: 400s from the module's messages (every field at once),
 * ids, references to projects and task lists by id or external reference, and upsert answers.
 */
@Component
class ProjectsApiSupport {

    private final MessageSource messages;
    private final Projects projects;
    private final ProjectItems items;

    ProjectsApiSupport(MessageSource messages, Projects projects, ProjectItems items) {
        this.messages = messages;
        this.projects = projects;
        this.items = items;
    }

    /** Runs a write; the module's refusals become a 400 with one entry per field, in English. */
    <T> T writing(Supplier<T> write) {
        try {
            return write.get();
        } catch (ProjectsException e) {
            List<ApiFieldError> errors = e.problems().entrySet().stream()
                    .map(problem -> new ApiFieldError(problem.getKey().isEmpty() ? null : problem.getKey(),
                            messages.getMessage(problem.getValue(), null, problem.getValue(), Locale.ENGLISH)))
                    .toList();
            throw new InvalidApiRequestException(errors);
        }
    }

    static <T> T id(String text, Function<String, Optional<T>> parser, String what) {
        return parser.apply(text).orElseThrow(() -> new ApiNotFoundException(what));
    }

    static UUID itemId(String text, ItemKind kind) {
        return ItemKind.parseId(text).orElseThrow(() -> new ApiNotFoundException(kind.recordType()));
    }

    static String externalRef(String ref) {
        return ExternalRef.required(ref);
    }

    /** An optional id field of the body: null when absent, 400 when it is not an id. */
    static <T> T optionalId(String text, Function<String, Optional<T>> parser, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parser.apply(text).orElseThrow(() -> new InvalidApiRequestException(field, "is not an id"));
    }

    /** The project a body names by {@code projectId} or {@code projectExternalRef}; null if neither. */
    ProjectId project(ApiPrincipal client, String projectId, String projectExternalRef) {
        if (projectExternalRef != null) {
            return projects.findByExternalRef(client, projectExternalRef)
                    .orElseThrow(() -> new InvalidApiRequestException("projectExternalRef",
                            "no project has this external reference")).id();
        }
        return optionalId(projectId, ProjectId::parse, "projectId");
    }

    /** The task list a body names by {@code taskListId} or {@code taskListExternalRef}; null if neither. */
    TaskListId taskList(ApiPrincipal client, String taskListId, String taskListExternalRef) {
        if (taskListExternalRef != null) {
            ProjectItem list = items.findByExternalRef(client, ItemKind.TASK_LIST, taskListExternalRef)
                    .orElseThrow(() -> new InvalidApiRequestException("taskListExternalRef",
                            "no task list has this external reference"));
            return new TaskListId(list.uuid());
        }
        return optionalId(taskListId, TaskListId::parse, "taskListId");
    }

    static <T, R> ResponseEntity<R> ok(T record, Function<T, R> representation, long version) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(version))
                .body(representation.apply(record));
    }

    static <T, R> ResponseEntity<R> created(T record, Function<T, R> representation, String path, Object id,
                                            long version) {
        return ResponseEntity.created(URI.create(path + "/" + id))
                .header(HttpHeaders.ETAG, ExpectedVersion.etag(version)).body(representation.apply(record));
    }

    static <T, R> ResponseEntity<R> upserted(Upserted<T> result, Function<T, R> representation, String path,
                                             Function<T, Object> id, Function<T, Long> version) {
        var builder = ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.ETAG, ExpectedVersion.etag(version.apply(result.record())));
        if (result.created()) {
            builder.location(URI.create(path + "/" + id.apply(result.record())));
        }
        return builder.body(representation.apply(result.record()));
    }
}
