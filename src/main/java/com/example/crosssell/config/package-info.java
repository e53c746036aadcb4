/** Beans no feature owns: the {@link java.time.Clock}, Jackson's strictness, the start-up check of autovacuum. */
@NullMarked
package com.example.crosssell.config;

import org.jspecify.annotations.NullMarked;
