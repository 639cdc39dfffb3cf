package dev.foyer.projects;

import dev.foyer.shared.TypedIdMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProjectMappings {

    @Bean
    TypedIdMapping<ProjectId> projectIdMapping() {
        return new TypedIdMapping<>(ProjectId.class, ProjectId::new);
    }

    @Bean
    TypedIdMapping<TaskListId> taskListIdMapping() {
        return new TypedIdMapping<>(TaskListId.class, TaskListId::new);
    }

    @Bean
    TypedIdMapping<TaskId> taskIdMapping() {
        return new TypedIdMapping<>(TaskId.class, TaskId::new);
    }

    @Bean
    TypedIdMapping<MilestoneId> milestoneIdMapping() {
        return new TypedIdMapping<>(MilestoneId.class, MilestoneId::new);
    }

    @Bean
    TypedIdMapping<UpdateId> updateIdMapping() {
        return new TypedIdMapping<>(UpdateId.class, UpdateId::new);
    }

    @Bean
    TypedIdMapping<DocumentId> documentIdMapping() {
        return new TypedIdMapping<>(DocumentId.class, DocumentId::new);
    }

    @Bean
    TypedIdMapping<EventId> eventIdMapping() {
        return new TypedIdMapping<>(EventId.class, EventId::new);
    }

    @Bean
    TypedIdMapping<CommentId> commentIdMapping() {
        return new TypedIdMapping<>(CommentId.class, CommentId::new);
    }
}
