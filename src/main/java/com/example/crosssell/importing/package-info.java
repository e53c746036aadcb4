/**
 * Bulk import (docs/benchmarks.md): {@code POST /api/v1/import/{units|customers|opportunities}} streams NDJSON or
 * CSV, validates each line with the records' request types, and hands batches to the record features' batch writers.
 */
@NullMarked
package com.example.crosssell.importing;

import org.jspecify.annotations.NullMarked;
