package com.example.crosssell.customer;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    /**
     * With its home unit. A fetch join, not an entity graph: Hibernate caches the SQL of a query without an applied
     * graph, and this one runs on every PUT and webhook (re-translating it was half of a webhook delivery's CPU, issue
     * 7).
     */
    @Query("select c from Customer c join fetch c.homeUnit where c.externalId = :externalId")
    Optional<Customer> findByExternalId(String externalId);

    /** A page of customers; a {@code null} filter matches every customer. */
    @EntityGraph(attributePaths = "homeUnit")
    @Query("""
            select c from Customer c
             where (:homeUnit is null or c.homeUnit.code = :homeUnit)
               and (:segment is null or c.segment = :segment)
            """)
    Page<Customer> findFiltered(@Nullable String homeUnit, @Nullable String segment, Pageable page);

    /** One statement, so an opportunity still pointing at the customer refuses it at once (mapped to 409). */
    @Modifying
    @Query("delete from Customer c where c.externalId = :externalId")
    int deleteByExternalId(String externalId);
}
