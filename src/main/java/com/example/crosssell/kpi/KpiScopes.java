package com.example.crosssell.kpi;

import java.time.DateTimeException;
import java.time.ZoneId;

import com.example.crosssell.RecordKeys;
import com.example.crosssell.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns a client's {@link KpiQuery} into a checked {@link KpiScope}: 400 naming a bad parameter, 404 for a unit. */
@Component
class KpiScopes {

    private final KpiProperties properties;

    private final JdbcClient jdbc;

    KpiScopes(KpiProperties properties, @KpiReads JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    KpiScope resolve(KpiQuery query, @Nullable String owner) {
        var period = KpiPeriod.of(query.from(), query.to(), zone(query.zone()), properties.maxRange());
        var unit = RecordKeys.optionalText(query.unit());
        if (unit != null) {
            requireUnit(unit);
        }
        var role = query.unitRole() == null ? UnitRole.CUSTOMER : query.unitRole();
        return new KpiScope(period, unit, role, RecordKeys.optionalText(query.segment()), RecordKeys.optionalText(owner));
    }

    /**
     * 404 "Unit 'XYZ' does not exist" unless the unit exists: one plain statement on the KPI read pool, no entity
     * (loading the entity took about a fifth of a computed series' CPU; the KPI statements find the unit's id
     * themselves).
     */
    private void requireUnit(String code) {
        if (jdbc.sql("select 1 from business_unit where code = :code").param("code", code).query(Integer.class)
                .optional().isEmpty()) {
            throw new RecordNotFoundException("Unit", code);
        }
    }

    private ZoneId zone(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return properties.businessZone();
        }
        try {
            return ZoneId.of(zone.trim());
        }
        catch (DateTimeException ex) {
            throw new InvalidKpiParameterException("zone", ("Unknown time zone '%s'; expected an IANA zone such as "
                    + "Europe/Berlin or America/New_York.").formatted(zone));
        }
    }
}
