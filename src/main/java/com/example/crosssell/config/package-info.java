/** Beans no feature owns: the {@link java.time.Clock}. */
@NullMarked
package com.example.crosssell.config;

import org.jspecify.annotations.NullMarked;
