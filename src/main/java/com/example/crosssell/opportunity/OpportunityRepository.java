package com.example.crosssell.opportunity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

    /**
     * With its customer and product unit. A fetch join, not an entity graph: Hibernate caches the SQL of a query
     * without an applied graph, and this one runs on every PUT and webhook (re-translating it was half of a webhook
     * delivery's CPU, issue 7).
     */
    @Query("select o from Opportunity o join fetch o.customer join fetch o.productUnit "
            + "where o.externalId = :externalId")
    Optional<Opportunity> findByExternalId(String externalId);

    /** A page of opportunities; a {@code null} filter matches every opportunity. */
    @EntityGraph(attributePaths = {"customer", "productUnit"})
    @Query("""
            select o from Opportunity o
             where (:customer is null or o.customer.externalId = :customer)
               and (:productUnit is null or o.productUnit.code = :productUnit)
               and (:status is null or o.status = :status)
               and (:owner is null or o.owner = :owner)
            """)
    Page<Opportunity> findFiltered(@Nullable String customer, @Nullable String productUnit,
            @Nullable OpportunityStatus status, @Nullable String owner, Pageable page);

    @Modifying
    @Query("delete from Opportunity o where o.externalId = :externalId")
    int deleteByExternalId(String externalId);
}
