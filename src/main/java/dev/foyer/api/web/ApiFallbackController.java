package dev.foyer.api.web;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any /api/** path no endpoint matches with a 404 ProblemDetail, instead of Boot's error
 * page (any more specific mapping wins over this one).
 */
@RestController
@ApiController
@Hidden
class ApiFallbackController {

    @RequestMapping("/api/**")
    void noSuchEndpoint() {
        throw new ApiNotFoundException("endpoint");
    }
}
