package dev.foyer.files;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.foyer.identity.StaffPrincipal;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A stand-in for the records other modules will keep (projects, tickets…): owner type
 * {@value #TYPE}, every record readable and attachable by staff except those a test hides or
 * makes read-only, and a staff page at /test-records/{id} that shows the files fragment.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRecords {

    public static final String TYPE = "test-record";
    static final Set<UUID> HIDDEN = ConcurrentHashMap.newKeySet();
    static final Set<UUID> READ_ONLY = ConcurrentHashMap.newKeySet();

    public static OwnerRef newRecord() {
        return new OwnerRef(TYPE, UUID.randomUUID());
    }

    static OwnerRef hiddenRecord() {
        OwnerRef owner = newRecord();
        HIDDEN.add(owner.id());
        return owner;
    }

    static OwnerRef readOnlyRecord() {
        OwnerRef owner = newRecord();
        READ_ONLY.add(owner.id());
        return owner;
    }

    @Bean
    FileOwnerAccess testRecordFiles() {
        return new FileOwnerAccess() {
            @Override
            public String ownerType() {
                return TYPE;
            }

            @Override
            public boolean canRead(StaffPrincipal actor, UUID ownerId) {
                return !HIDDEN.contains(ownerId);
            }

            @Override
            public boolean canAttach(StaffPrincipal actor, UUID ownerId) {
                return !HIDDEN.contains(ownerId) && !READ_ONLY.contains(ownerId);
            }

            @Override
            public String ownerPath(UUID ownerId) {
                return "/test-records/" + ownerId;
            }
        };
    }

    /** The record's staff page: a functional route, so component scanning never picks it up elsewhere. */
    @Bean
    RouterFunction<ServerResponse> testRecordPage(StoredFiles files) {
        return RouterFunctions.route().GET("/test-records/{id}", request -> {
            StaffPrincipal actor = request.principal()
                    .map(principal -> (StaffPrincipal) ((Authentication) principal).getPrincipal()).orElse(null);
            OwnerRef owner = new OwnerRef(TYPE, UUID.fromString(request.pathVariable("id")));
            if (!files.canRead(actor, owner)) {
                return ServerResponse.notFound().build();
            }
            int page = Math.max(0, Integer.parseInt(request.param("filesPage").orElse("0")));
            // Flash attributes (the fragment's messages) reach a @Controller's model by themselves; here, by hand.
            Map<String, Object> model = new HashMap<>();
            Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request.servletRequest());
            if (flash != null) {
                model.putAll(flash);
            }
            model.put("shellUser", actor);
            model.put("panel", files.panel(actor, owner, PageRequest.of(page, 10)));
            return ServerResponse.ok().render("test-records/show", model);
        }).build();
    }
}
