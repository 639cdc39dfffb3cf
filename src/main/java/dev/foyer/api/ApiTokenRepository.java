package dev.foyer.api;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface ApiTokenRepository extends CrudRepository<ApiToken, ApiTokenId>, PagingAndSortingRepository<ApiToken, ApiTokenId> {

    @Query("select * from api_token where token_hash = :hash")
    Optional<ApiToken> findByTokenHash(byte[] hash);
}
