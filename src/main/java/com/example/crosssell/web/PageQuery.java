package com.example.crosssell.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The {@code page} and {@code size} query parameters of every list (SPEC §6.3). */
public record PageQuery(
        @Parameter(description = "0-based page number, at most 1,000,000.", example = "0") @Min(0) @Max(1_000_000)
        Integer page,
        @Parameter(description = "Page size, 1–1000.", example = "50") @Min(1) @Max(1000) Integer size) {

    public static final int DEFAULT_SIZE = 50;

    public PageQuery(@Nullable Integer page, @Nullable Integer size) {
        this.page = page == null ? 0 : page;
        this.size = size == null ? DEFAULT_SIZE : size;
    }

    /** This page in the given (stable) order. */
    public Pageable toPageable(Sort order) {
        return PageRequest.of(page, size, order);
    }
}
