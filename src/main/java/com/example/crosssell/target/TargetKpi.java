package com.example.crosssell.target;

import java.util.Arrays;

import com.example.crosssell.RecordNotFoundException;

/** The KPIs a target can be set for, with the path segment the KPI endpoints use. */
public enum TargetKpi {
    CROSS_SELL_RATIO("cross-sell-ratio"), CONVERSION_RATE("conversion-rate");

    private final String path;

    TargetKpi(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The KPI of a path segment ({@code cross-sell-ratio}, {@code conversion-rate}), or 404. */
    static TargetKpi ofPath(String path) {
        return Arrays.stream(values()).filter(kpi -> kpi.path.equals(path)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("KPI", path));
    }
}
