package dev.foyer.mail;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP client, built from foyer.mail.* (FOYER_MAIL_* in the environment). */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    JavaMailSenderImpl foyerMailSender(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        String protocol = settings.ssl() ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        sender.setDefaultEncoding("UTF-8");
        if (!settings.configured()) {
            log.warn("No mail server is configured (FOYER_MAIL_HOST): e-mails are held in the outbox, where admins "
                    + "read them under Settings → Outbox");
            return sender;
        }
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        Properties properties = sender.getJavaMailProperties();
        String prefix = "mail." + protocol + ".";
        // Bounded waits: a hanging server must not hold a message past its lease (MailSettings checks the sum).
        properties.put(prefix + "connectiontimeout", String.valueOf(settings.connectionTimeout().toMillis()));
        properties.put(prefix + "timeout", String.valueOf(settings.timeout().toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(settings.timeout().toMillis()));
        if (!settings.username().isEmpty()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
            properties.put(prefix + "auth", "true");
        }
        if (settings.starttls()) {
            // Required, not opportunistic: credentials and invitation links never cross the network in clear text.
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (settings.starttls() || settings.ssl()) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        log.info("E-mail goes out through {}:{} ({}) as {}", settings.host(), settings.port(),
                settings.ssl() ? "TLS" : settings.starttls() ? "STARTTLS" : "plain SMTP", settings.from());
        return sender;
    }
}
