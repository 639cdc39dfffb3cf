package dev.foyer.identity;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface StaffUserRepository extends CrudRepository<StaffUser, StaffUserId> {

    @Query("select * from staff_user where lower(email) = lower(:email)")
    Optional<StaffUser> findByEmail(String email);

    @Query("select exists(select 1 from staff_user where role = 'ADMIN' and active)")
    boolean anyActiveAdmin();

    @Query("select count(*) from staff_user where role = 'ADMIN' and active")
    long countActiveAdmins();
}
