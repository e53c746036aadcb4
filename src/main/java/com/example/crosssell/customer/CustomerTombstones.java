package com.example.crosssell.customer;

import com.example.crosssell.RecordTombstones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-key write lock and tombstones of customers (SPEC §6.4). */
@Repository
class CustomerTombstones extends RecordTombstones {

    CustomerTombstones(JdbcClient jdbc) {
        super(jdbc, "customer");
    }
}
