package com.example.crosssell.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Every target of one KPI, loaded once per KPI request, so a series or breakdown finds each point's target without a
 * query per point. The target in force on a date is the one with the latest {@code effectiveFrom} on or before it.
 */
public final class TargetSchedule {

    /** A target in force: its percentage and since when. */
    public record InForce(BigDecimal percent, LocalDate effectiveFrom) {
    }

    private final Map<@Nullable String, NavigableMap<LocalDate, BigDecimal>> byUnit = new HashMap<>();

    TargetSchedule(List<Target> targets) {
        for (var target : targets) {
            var unit = target.unit();
            byUnit.computeIfAbsent(unit == null ? null : unit.getCode(), key -> new TreeMap<>())
                    .put(target.effectiveFrom(), target.percent());
        }
    }

    /** The target of {@code unit} ({@code null}: the whole company) in force on {@code date}, or null. */
    public @Nullable InForce inForce(@Nullable String unit, LocalDate date) {
        var targets = byUnit.get(unit);
        if (targets == null) {
            return null;
        }
        var entry = targets.floorEntry(date);
        return entry == null ? null : new InForce(entry.getValue(), entry.getKey());
    }
}
