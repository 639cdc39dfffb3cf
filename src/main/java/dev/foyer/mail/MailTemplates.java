package dev.foyer.mail;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail from the template pair {@code templates/mail/<name>.txt} (plain text; its first
 * line is the subject, then a blank line, then the body) and, if present,
 * {@code templates/mail/<name>.html} (the HTML body, escaped as every page is). Texts come from
 * messages.properties in the given locale, so an invitation can speak the contact's language. The
 * model always holds {@code publicBaseUrl} (FOYER_PUBLIC_BASE_URL, without a trailing slash) for
 * absolute links.
 */
@Component
public class MailTemplates {

    private static final String FOLDER = "templates/mail/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SpringTemplateEngine engine;
    private final String publicBaseUrl;

    MailTemplates(MessageSource messages, @Value("${foyer.public-base-url}") String publicBaseUrl) {
        // An engine of its own: mails are rendered outside any web request, and plain text needs TEXT mode.
        this.engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Renders the template pair {@code name} with the model in the locale. */
    public RenderedMail render(String name, Map<String, ?> model, Locale locale) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a mail template name: " + name);
        }
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("publicBaseUrl", publicBaseUrl);
        Context context = new Context(locale, variables);
        if (!new ClassPathResource(FOLDER + name + ".txt").exists()) {
            throw new IllegalArgumentException("No mail template " + FOLDER + name + ".txt");
        }
        String rendered = engine.process(name + ".txt", context).replace("\r\n", "\n");
        int firstBreak = rendered.indexOf('\n');
        String subject = WHITESPACE.matcher(firstBreak < 0 ? rendered : rendered.substring(0, firstBreak)).replaceAll(" ")
                .strip();
        String text = firstBreak < 0 ? "" : rendered.substring(firstBreak + 1).strip() + "\n";
        if (subject.isEmpty() || text.isBlank()) {
            throw new IllegalStateException("Mail template " + name + ".txt must start with a subject line, then the body");
        }
        String html = new ClassPathResource(FOLDER + name + ".html").exists() ? engine.process(name + ".html", context)
                : null;
        return new RenderedMail(subject, text, html);
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(FOLDER);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
