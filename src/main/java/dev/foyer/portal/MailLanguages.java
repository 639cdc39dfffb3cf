package dev.foyer.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.foyer.directory.Contact;
import dev.foyer.organization.OrganizationProfile;
import dev.foyer.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Which language an e-mail to a portal user speaks (issue 6 item 3, LIF-2, LIF-5): the language
 * their account chose, else their contact's, else the organization's default, else English.
 */
@Component
class MailLanguages {

    private final List<AccountLanguages> accounts;
    private final Organizations organizations;

    MailLanguages(List<AccountLanguages> accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    Locale of(PortalUserId user, Contact contact) {
        Optional<String> chosen = user == null ? Optional.empty()
                : accounts.stream().map(a -> a.chosen(user)).flatMap(Optional::stream).findFirst();
        String language = chosen.filter(OrganizationProfile.LANGUAGES::contains)
                .or(() -> Optional.ofNullable(contact == null ? null : contact.language())
                        .filter(OrganizationProfile.LANGUAGES::contains))
                .or(() -> organizations.current().map(o -> o.profile().defaultLanguage()))
                .orElse("en");
        return Locale.forLanguageTag(language);
    }
}
