package dev.foyer.projects;

import java.util.UUID;

import dev.foyer.api.ApiPrincipal;
import dev.foyer.files.FileOwnerAccess;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files attach to a project, to its updates and to its documents (issue 3). Every staff user sees
 * them; the project's staff members, admins and managers attach, share and delete them.
 */
@Configuration(proxyBeanMethods = false)
class ProjectFileOwners {

    static final String PROJECT = "project";
    static final String UPDATE = "project-update";
    static final String DOCUMENT = "project-document";

    @Bean
    FileOwnerAccess projectFiles(Projects projects) {
        return new Owner(PROJECT, projects) {
            @Override
            ProjectId projectOf(UUID ownerId) {
                return ownerId == null ? null : new ProjectId(ownerId);
            }

            @Override
            public String ownerPath(UUID ownerId) {
                return "/projects/" + ownerId;
            }
        };
    }

    @Bean
    FileOwnerAccess projectUpdateFiles(Projects projects, JdbcClient jdbc) {
        return new ItemOwner(UPDATE, ItemKind.UPDATE, projects, jdbc);
    }

    @Bean
    FileOwnerAccess projectDocumentFiles(Projects projects, JdbcClient jdbc) {
        return new ItemOwner(DOCUMENT, ItemKind.DOCUMENT, projects, jdbc);
    }

    /** An owner whose project decides who may read and attach. */
    abstract static class Owner implements FileOwnerAccess {
        private final String type;
        private final Projects projects;

        Owner(String type, Projects projects) {
            this.type = type;
            this.projects = projects;
        }

        /** The owner's project, or null when the owner does not exist. */
        abstract ProjectId projectOf(UUID ownerId);

        @Override
        public String ownerType() {
            return type;
        }

        @Override
        public boolean canRead(StaffPrincipal actor, UUID ownerId) {
            ProjectId project = projectOf(ownerId);
            return actor != null && project != null && projects.find(actor, project).isPresent();
        }

        @Override
        public boolean canAttach(StaffPrincipal actor, UUID ownerId) {
            return canRead(actor, ownerId) && projects.canWork(actor, projectOf(ownerId));
        }

        @Override
        public boolean exists(ApiPrincipal client, UUID ownerId) {
            ProjectId project = projectOf(ownerId);
            return client != null && project != null && projects.find(client, project).isPresent();
        }
    }

    /** Files of one kind of project item, found through the item's project. */
    static final class ItemOwner extends Owner {
        private final ItemKind kind;
        private final JdbcClient jdbc;

        ItemOwner(String type, ItemKind kind, Projects projects, JdbcClient jdbc) {
            super(type, projects);
            this.kind = kind;
            this.jdbc = jdbc;
        }

        @Override
        ProjectId projectOf(UUID ownerId) {
            return jdbc.sql("select project_id from " + kind.table() + " where id = :id").param("id", ownerId)
                    .query(UUID.class).optional().map(ProjectId::new).orElse(null);
        }

        @Override
        public String ownerPath(UUID ownerId) {
            ProjectId project = projectOf(ownerId);
            return project == null ? "/projects" : "/projects/" + project + "/" + kind.slug() + "/" + ownerId;
        }
    }
}
