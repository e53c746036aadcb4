package com.example.crosssell.kpi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The KPI query parameters of SPEC §3 as the API documents them (docs/kpis.md is the source of these texts), and
 * the rule that a KPI parameter sent to an endpoint it does not belong to is a 400 naming it (SPEC §6.1).
 */
final class KpiParameters {

    static final String FROM = "First day of the period, **inclusive** (`YYYY-MM-DD`). The period is the half-open "
            + "range of instants `[from 00:00, to+1 00:00)` in `zone`. Dates 1000-01-01 to 9999-12-30; `from ≤ to`; "
            + "at most 20 years (`crosssell.kpi.max-range`).";

    static final String TO = "Last day of the period, **inclusive** (`YYYY-MM-DD`): a deal closed at 23:59 local "
            + "time on `to` counts, one closed at 00:00 the day after does not.";

    static final String ZONE = "IANA time zone in which the dates are read, e.g. `America/New_York` or "
            + "`Asia/Kolkata`; default: the configured business zone (`UTC`). DST and half-hour offsets are "
            + "honoured: each day runs from its first local instant to the next day's. With America/New_York, "
            + "O7 (closed 2025-04-01T00:00Z = 31 March 20:00 local) falls in Q1 2025.";

    static final String UNIT = "Unit code; absent = the whole company. An unknown unit → 404.";

    static final String UNIT_ROLE = "`CUSTOMER` (default): `unit` selects the customers' home unit. `PRODUCT`: "
            + "`unit` selects the opportunities' product unit (for the ratio, the customer base is then every "
            + "customer whose home unit is another unit). Any letter case.";

    static final String SEGMENT = "Only customers of this segment, in every count (numerator and denominator).";

    static final String METHOD = "`PRODUCTS` (default): numerator = cross-sold products. `CUSTOMERS`: numerator = "
            + "distinct customers of the base with at least one cross-sold product. Any letter case.";

    static final String BASIS = "`OPENED` (default, a cohort): opportunities whose openedAt lies in the period; "
            + "successful = those now WON. `CLOSED`: opportunities whose closedAt lies in the period; successful = "
            + "WON. Any letter case.";

    static final String OWNER = "Only opportunities of this owner (the CRM's agent id).";

    static final String COMPARE = "Fills `comparison` with the same KPI in another period. `PREVIOUS_PERIOD`: the "
            + "period just before, of equal length: when `from` is the first and `to` the last day of a month, the "
            + "same number of whole calendar months (Q1 2025 → Q4 2024), otherwise the same number of days ending "
            + "the day before `from`. `PREVIOUS_YEAR`: the same dates one year earlier (29 February → 28 February). "
            + "`PREVIOUS_52_WEEKS`: the same span 364 days earlier, so "
            + "weekdays line up (weekly dashboards). `changePoints` = percent − comparison percent, the difference of "
            + "the two shown values; `bandChange` = {from: the compared band, to: this band}, null when equal.";

    static final String DETAILS = "`true` (default): every result also carries `definition` and `definitionVersion` (how "
            + "the number is computed, with the settings in force), `sampleSize` and `lowSample` (denominator below "
            + "`crosssell.kpi.low-sample-minimum`, default 30), for the conversion rate the 95 % Wilson "
            + "`confidenceInterval`, `target` (the target in force on the period's last day), `asOf` (the most "
            + "recent write accepted on any path) and `sourceUpdatedAt` (the newest CRM updatedAt among the records "
            + "counted). `false`: the SPEC §4 fields only, without the extra reads. ETag and Last-Modified headers "
            + "are always sent; a conditional GET (If-None-Match / If-Modified-Since) whose data has not changed "
            + "answers 304. The `Kpi-Cache` header says where a 200 came from: `HIT` (the server's result cache, which "
            + "reuses an answer only while no write has happened since it was computed, so it is exact; or the answer "
            + "an identical request was computing at that moment under the same versions), `MISS` "
            + "(computed), `BYPASS` (computed because the request sent `Cache-Control: no-cache`).";

    static final String CSV = " `Accept: text/csv` answers RFC 4180 CSV (header row, CRLF, quoted fields) with one "
            + "row per point, row or cell (docs/kpis.md, \"CSV\"); JSON stays the default.";

    static final String GRANULARITY = "Calendar buckets: `DAY`, `WEEK` (Monday to Sunday), `MONTH` (default), "
            + "`QUARTER`, `YEAR`. The first and last buckets are clipped to `[from, to]`; more than 1000 buckets → "
            + "400. Any letter case.";

    static final String DATES = " Dates: `from` and `to` are inclusive days read in `zone`, i.e. the instants "
            + "`[from 00:00, to+1 00:00)` in that zone. Errors: 400 problem naming the parameter (missing or malformed "
            + "date, from after to, unknown zone or enum value, range over the maximum, a parameter of another "
            + "endpoint such as `owner` on the ratio); 404 for an unknown unit.";

    static final String RATIO_BANDS = " Bands, on the exact fraction: above 50 % EXCELLENT, 30 %–50 % GOOD (exactly "
            + "50 % and exactly 30 % are GOOD), below 30 % POOR; no customers → NO_DATA with ratio and percent null. "
            + "`ratio` = numerator / denominator HALF_UP to 6 decimals, `percent` = numerator × 100 / denominator "
            + "HALF_UP to 2 decimals, both from the exact fraction.";

    static final String CONVERSION_BANDS = " Bands, on the exact fraction: above 25 % STRONG, 15 %–25 % MODERATE "
            + "(exactly 25 % and exactly 15 % are MODERATE), below 15 % POOR; no opportunities → NO_DATA with ratio "
            + "and percent null. `ratio` HALF_UP to 6 decimals, `percent` HALF_UP to 2 decimals, both from the "
            + "exact fraction. `benchmarks`: the configured published rates (retail average 20 %, financial "
            + "services top quartile 30 %, technology median 18 %) with differencePoints = percent − benchmark.";

    /** Every KPI parameter name of SPEC §3 and §4. */
    private static final List<String> ALL = List.of("from", "to", "zone", "unit", "unitRole", "segment", "method",
            "basis", "owner", "compare", "granularity");

    private KpiParameters() {
    }

    /** 400 naming the first KPI parameter of the request that is not among {@code allowed}. */
    static void rejectOthers(HttpServletRequest request, String endpoint, Set<String> allowed) {
        for (var name : ALL) {
            if (!allowed.contains(name) && request.getParameterMap().containsKey(name)) {
                throw new InvalidKpiParameterException(name,
                        "Parameter '%s' does not apply to %s.".formatted(name, endpoint));
            }
        }
    }

    static Set<String> with(Set<String> names, String name) {
        var all = new HashSet<>(names);
        all.add(name);
        return all;
    }

    static Set<String> without(Set<String> names, String name) {
        var all = new HashSet<>(names);
        all.remove(name);
        return all;
    }
}
