package dev.foyer.directory;

import org.springframework.data.repository.CrudRepository;

interface ConsolidatedAccountRepository extends CrudRepository<ConsolidatedAccount, ConsolidatedAccountId> {
}
