package com.example.crosssell.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against a real PostgreSQL ({@link TestDatabase}). Every class carrying it
 * shares one cached context and one database, so each test starts from {@link TestData#truncateAll()}. The context
 * knows the keys of {@link TestApiKeys}, and the autowired {@code RestTestClient} sends the ADMIN one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crosssell.security.api-keys[0].name=test-admin",
        "crosssell.security.api-keys[0].sha256=" + TestApiKeys.ADMIN_SHA256,
        "crosssell.security.api-keys[0].roles=ADMIN",
        "crosssell.security.api-keys[1].name=test-writer",
        "crosssell.security.api-keys[1].sha256=" + TestApiKeys.WRITER_SHA256,
        "crosssell.security.api-keys[1].roles=WRITER",
        "crosssell.security.api-keys[2].name=test-reader",
        "crosssell.security.api-keys[2].sha256=" + TestApiKeys.READER_SHA256,
        "crosssell.security.api-keys[2].roles=READER",
        "crosssell.security.api-keys[3].name=test-limited",
        "crosssell.security.api-keys[3].sha256=" + TestApiKeys.LIMITED_SHA256,
        "crosssell.security.api-keys[3].roles=READER",
        "crosssell.security.api-keys[3].requests-per-minute=" + TestApiKeys.LIMITED_PER_MINUTE,
        "crosssell.security.cors.allowed-origins=" + TestApiKeys.DASHBOARD_ORIGIN,
        // test-only webhook secrets (the test vector's, and a second one as in a rotation): WebhookSigner
        "crosssell.webhooks.secrets=" + WebhookSigner.VECTOR_SECRET + "," + WebhookSigner.ROTATED_SECRET})
@AutoConfigureRestTestClient
@AutoConfigureMetrics  // /actuator/prometheus answers 404 in tests without it (STACK-FACTS.md)
@Import({TestDatabase.class, TestData.class, TestApiKeys.class})
public @interface IntegrationTest {
}
