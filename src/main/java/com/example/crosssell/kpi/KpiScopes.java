package com.example.crosssell.kpi;

import java.time.DateTimeException;
import java.time.ZoneId;

import com.example.crosssell.RecordKeys;
import com.example.crosssell.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns a client's {@link KpiQuery} into a checked {@link KpiScope}: 400 naming a bad parameter, 404 for a unit. */
@Component
class KpiScopes {

    private final KpiProperties properties;

    private final UnitCheckQuery units;

    KpiScopes(KpiProperties properties, UnitCheckQuery units) {
        this.properties = properties;
        this.units = units;
    }

    KpiScope resolve(KpiQuery query, @Nullable String owner) {
        var period = KpiPeriod.of(query.from(), query.to(), zone(query.zone()), properties.maxRange());
        var unit = RecordKeys.optionalText(query.unit());
        if (unit != null) {
            if (!units.exists(unit)) {
                throw new RecordNotFoundException("Unit", unit); // 404 "Unit 'XYZ' does not exist"
            }
        }
        var role = query.unitRole() == null ? UnitRole.CUSTOMER : query.unitRole();
        return new KpiScope(period, unit, role, RecordKeys.optionalText(query.segment()), RecordKeys.optionalText(owner));
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
