package com.example.crosssell.target;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.example.crosssell.unit.BusinessUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TargetRepository extends JpaRepository<Target, Long> {

    /** {@code unit} null: the whole company's targets ({@code is null}, not {@code = null}). */
    @Query("""
            select t from Target t
             where t.kpi = :kpi and ((:unit is null and t.unit is null) or t.unit = :unit)
             order by t.effectiveFrom""")
    List<Target> findOf(TargetKpi kpi, @Nullable BusinessUnit unit);

    @Query("""
            select t from Target t
             where t.kpi = :kpi and ((:unit is null and t.unit is null) or t.unit = :unit)
               and t.effectiveFrom = :effectiveFrom""")
    Optional<Target> findOne(TargetKpi kpi, @Nullable BusinessUnit unit, LocalDate effectiveFrom);

    @Query("select t from Target t left join fetch t.unit u order by t.kpi, u.code nulls first, t.effectiveFrom")
    List<Target> findAllInOrder();

    @Query("select t from Target t left join fetch t.unit where t.kpi = :kpi")
    List<Target> findByKpi(TargetKpi kpi);
}
