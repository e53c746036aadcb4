package com.example.crosssell.config;

import java.time.Instant;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON for every body (REST, webhooks, import): a number is never read as a date, an instant or a text. A CRM
 * sending epoch milliseconds for {@code customerSince} gets a 400 instead of a date in the year 55,000.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictScalarCoercion() {
        return builder -> builder
                .defaultLeniency(Boolean.FALSE) // java.time dates: no epoch-day numbers
                .addModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new IsoInstants()))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Instants only as ISO-8601 text with an offset (SPEC §2); Jackson would read a number as epoch seconds. */
    private static final class IsoInstants extends StdDeserializer<Instant> {

        IsoInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
