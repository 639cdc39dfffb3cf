package dev.foyer.pdf;

import java.util.List;

/**
 * Input the PDF templates refused: each problem names a form field ("" for the whole form), a
 * message key and its arguments (e.g. the line and column of a template syntax error).
 */
public class PdfTemplateException extends RuntimeException {

    /** One refused part of the input. */
    public record Problem(String field, String messageKey, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }

    private final List<Problem> problems;

    public PdfTemplateException(List<Problem> problems) {
        super(problems.stream().map(Problem::messageKey).reduce((a, b) -> a + ", " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    public static PdfTemplateException of(String field, String messageKey, Object... arguments) {
        return new PdfTemplateException(List.of(new Problem(field, messageKey, List.of(arguments))));
    }

    public List<Problem> problems() {
        return problems;
    }
}
