package com.example.crosssell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cross-sell KPI service: records of business units, customers and opportunities, and the KPIs over them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrossSellApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrossSellApplication.class, args);
    }
}
