/**
 * Who may call what: API keys (stored as SHA-256 hashes) with the roles READER, WRITER and ADMIN, the per-key rate
 * limit, the JSON body size limit, CORS, the open and closed actuator endpoints, and the 401/403/413/429 problems.
 * See docs/security.md.
 */
@NullMarked
package com.example.crosssell.security;

import org.jspecify.annotations.NullMarked;
