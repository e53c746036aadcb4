package com.example.crosssell.target;

import java.time.LocalDate;
import java.util.List;

import com.example.crosssell.RecordNotFoundException;
import com.example.crosssell.Upserted;
import com.example.crosssell.WriteOutcome;
import com.example.crosssell.unit.BusinessUnit;
import com.example.crosssell.unit.UnitService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of KPI targets; the KPI feature reads a whole KPI's targets at once through {@link #schedule}. */
@Service
public class TargetService {

    /** The path segment naming the whole company instead of a unit. */
    public static final String COMPANY = "_company";

    private final TargetRepository targets;

    private final UnitService units;

    TargetService(TargetRepository targets, UnitService units) {
        this.targets = targets;
        this.units = units;
    }

    /** Creates or replaces the target of a KPI and unit starting on {@code effectiveFrom}. */
    @Transactional
    public Upserted<TargetResponse> upsert(String kpiPath, String unitPath, TargetRequest request) {
        var kpi = TargetKpi.ofPath(kpiPath);
        var unit = unit(unitPath);
        var existing = targets.findOne(kpi, unit, request.effectiveFrom());
        if (existing.isPresent()) {
            existing.get().changePercent(request.percent());
            return new Upserted<>(TargetResponse.of(existing.get()), WriteOutcome.UPDATED);
        }
        var created = targets.save(new Target(kpi, unit, request.effectiveFrom(), request.percent()));
        return new Upserted<>(TargetResponse.of(created), WriteOutcome.CREATED);
    }

    /** The targets of one KPI and unit, by effectiveFrom. */
    @Transactional(readOnly = true)
    public List<TargetResponse> list(String kpiPath, String unitPath) {
        return targets.findOf(TargetKpi.ofPath(kpiPath), unit(unitPath)).stream().map(TargetResponse::of).toList();
    }

    /** Every target, by KPI, unit (the company first) and effectiveFrom. */
    @Transactional(readOnly = true)
    public List<TargetResponse> listAll() {
        return targets.findAllInOrder().stream().map(TargetResponse::of).toList();
    }

    /** Deletes the target starting on {@code effectiveFrom}, or all of the KPI and unit without it; 404 if none. */
    @Transactional
    public void delete(String kpiPath, String unitPath, @Nullable LocalDate effectiveFrom) {
        var kpi = TargetKpi.ofPath(kpiPath);
        var unit = unit(unitPath);
        var doomed = effectiveFrom == null ? targets.findOf(kpi, unit)
                : targets.findOne(kpi, unit, effectiveFrom).map(List::of).orElse(List.of());
        if (doomed.isEmpty()) {
            var key = kpiPath + "/" + unitPath + (effectiveFrom == null ? "" : " from " + effectiveFrom);
            throw new RecordNotFoundException("Target", key);
        }
        targets.deleteAll(doomed);
    }

    /** Every target of one KPI, to look up the one in force per unit and date. */
    @Transactional(readOnly = true)
    public TargetSchedule schedule(TargetKpi kpi) {
        return new TargetSchedule(targets.findByKpi(kpi));
    }

    private @Nullable BusinessUnit unit(String unitPath) {
        return COMPANY.equals(unitPath) ? null : units.find(unitPath);
    }
}
