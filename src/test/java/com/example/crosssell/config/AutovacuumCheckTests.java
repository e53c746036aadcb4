package com.example.crosssell.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up warning of {@link AutovacuumCheck}: given exactly when autovacuum cannot run. */
class AutovacuumCheckTests {

    @Test
    void noWarningWhenAutovacuumRuns() {
        assertThat(AutovacuumCheck.warning("on", "on")).isEmpty();
    }

    @Test
    void aWarningNamingTheSettingsWhenItCannot() {
        assertThat(AutovacuumCheck.warning("off", "on")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("autovacuum=off, track_counts=on", "kpi_*_delta", "VACUUM"));
        assertThat(AutovacuumCheck.warning("on", "off")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("autovacuum=on, track_counts=off"));
    }
}
