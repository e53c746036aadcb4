package com.example.crosssell.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against a real PostgreSQL ({@link TestDatabase}). Every class carrying it
 * shares one cached context and one database, so each test starts from {@link TestData#truncateAll()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // test-only webhook secrets (the test vector's, and a second one as in a rotation): WebhookSigner
        "crosssell.webhooks.secrets=" + WebhookSigner.VECTOR_SECRET + "," + WebhookSigner.ROTATED_SECRET})
@AutoConfigureRestTestClient
@Import({TestDatabase.class, TestData.class})
public @interface IntegrationTest {
}
