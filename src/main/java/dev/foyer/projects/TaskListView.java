package dev.foyer.projects;

import java.util.List;

/** A task list with its first tasks (in order) and how many it holds in all and done. */
public record TaskListView(TaskList list, List<Task> tasks, long taskCount, long doneCount) {

    public boolean hasMore() {
        return taskCount > tasks.size();
    }
}
