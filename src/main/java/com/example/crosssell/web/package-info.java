/**
 * What every HTTP endpoint shares: RFC 9457 problem responses, paging parameters, the OpenAPI description and
 * request binding (enum query parameters in any letter case).
 */
@NullMarked
package com.example.crosssell.web;

import org.jspecify.annotations.NullMarked;
