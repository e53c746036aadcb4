package com.example.crosssell.unit;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BusinessUnitRepository extends JpaRepository<BusinessUnit, Long> {

    Optional<BusinessUnit> findByCode(String code);

    /** One statement, so a foreign key still pointing at the unit refuses it at once (mapped to 409). */
    @Modifying
    @Query("delete from BusinessUnit u where u.code = :code")
    int deleteByCode(String code);
}
