package dev.foyer.api.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiToken;
import dev.foyer.api.ApiTokenException;
import dev.foyer.api.ApiTokenId;
import dev.foyer.api.ApiTokens;
import dev.foyer.api.CreatedApiToken;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organizations;
import dev.foyer.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage API tokens (issue 3): list, create (the secret is shown once, in the answer to the
 * creating POST, and is never put in the session or a redirect), revoke.
 */
@Controller
@RequestMapping("/settings/api-tokens")
class ApiTokensController {

    private static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ApiTokens tokens;
    private final StaffAccounts staffAccounts;
    private final Organizations organizations;
    private final Clock clock;
    private final String publicBaseUrl;

    ApiTokensController(ApiTokens tokens, StaffAccounts staffAccounts, Organizations organizations, Clock clock,
                        @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.tokens = tokens;
        this.staffAccounts = staffAccounts;
        this.organizations = organizations;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("shellSection", "apiTokens");
        model.addAttribute("scopes", ApiScope.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(defaultValue = "0") int page, Model model) {
        ApiTokens.requireManageApiTokens(actor);
        Page<ApiToken> found = tokens.list(actor, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        Map<dev.foyer.identity.StaffUserId, String> creators = staffAccounts.displayNames(actor,
                found.getContent().stream().map(ApiToken::createdBy).toList());
        ZoneId zone = zone();
        Instant now = clock.instant();
        model.addAttribute("page", found);
        model.addAttribute("rows", found.getContent().stream().map(token -> new TokenRow(token,
                creators.getOrDefault(token.createdBy(), "?"), stamp(token.createdAt(), zone),
                stamp(token.expiresAt(), zone), stamp(token.lastUsedAt(), zone),
                token.revoked() ? "revoked" : token.isExpired(now) ? "expired" : "active", !token.revoked())).toList());
        return "api/tokens";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal StaffPrincipal actor, Model model) {
        ApiTokens.requireManageApiTokens(actor);
        model.addAttribute("form", ApiTokenForm.empty());
        return "api/token-form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal actor, @ModelAttribute("form") ApiTokenForm form,
                  BindingResult errors, Model model, HttpServletResponse response) {
        ApiTokens.requireManageApiTokens(actor);
        Instant expiresAt;
        try {
            expiresAt = expiry(form.expiresOn());
        } catch (DateTimeException e) {
            errors.rejectValue("expiresOn", "apiTokens.error.expiryFormat");
            return "api/token-form";
        }
        try {
            CreatedApiToken created = tokens.create(actor, form.name(), form.scope(), expiresAt);
            // The secret is on this page only: no redirect, no flash attribute, nothing cached.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("token", created.token());
            model.addAttribute("secret", created.secret());
            model.addAttribute("expiresText", stamp(created.token().expiresAt(), zone()));
            model.addAttribute("exampleUrl", publicBaseUrl + "/api/v1/organization");
            return "api/token-created";
        } catch (ApiTokenException e) {
            e.problems().forEach((field, key) -> {
                if (field.isEmpty()) {
                    errors.reject(key);
                } else {
                    errors.rejectValue(field, key);
                }
            });
            return "api/token-form";
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, @RequestParam long version,
                  RedirectAttributes redirect) {
        ApiTokens.requireManageApiTokens(actor);
        ApiTokenId tokenId;
        try {
            tokenId = ApiTokenId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ApiToken token = tokens.find(actor, tokenId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            tokens.revoke(actor, tokenId, version);
            redirect.addFlashAttribute("revoked", token.name());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("stale", token.name());
        }
        return "redirect:/settings/api-tokens";
    }

    /** A token is valid through the chosen day in the organization's time zone. */
    private Instant expiry(String expiresOn) {
        if (expiresOn == null || expiresOn.isBlank()) {
            return null;
        }
        return LocalDate.parse(expiresOn.strip()).plusDays(1).atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return organizations.current().map(o -> ZoneId.of(o.profile().timeZone())).orElse(ZoneId.of("UTC"));
    }

    private static String stamp(Instant instant, ZoneId zone) {
        return instant == null ? null : STAMP.format(instant.atZone(zone));
    }

    /** One row of the list, with its texts formatted in the organization's time zone. */
    record TokenRow(ApiToken token, String createdByName, String createdText, String expiresText, String lastUsedText,
                    String status, boolean revocable) {
    }

}
