package dev.foyer.projects;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input the projects module refused; each problem names a field ("" for the whole form) and a message key. */
public class ProjectsException extends RuntimeException {

    private final Map<String, String> problems;

    public ProjectsException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static ProjectsException of(String field, String messageKey) {
        return new ProjectsException(Map.of(field, messageKey));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
