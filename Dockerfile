# syntax=docker/dockerfile:1
# Cross-sell KPI service image: built with the Maven Wrapper on a JDK 17, run on a JRE 17 as a non-root user.
#   docker build -t crosssell-kpi-service .
#   docker run -e SPRING_DATASOURCE_URL=... -e CROSSSELL_SECURITY_APIKEYS_0_NAME=... (see docs/security.md)
# Tests are not run here (they need PostgreSQL): run ./mvnw verify before building.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
# dependencies first, so a source change does not download them again
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && cp target/crosssell-kpi-service-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 crosssell \
    && useradd --system --uid 10001 --gid crosssell --no-create-home --shell /usr/sbin/nologin crosssell
WORKDIR /app
# one layer per Boot layer: dependencies change least often, the application most often
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER 10001:10001
# No key in the image: without configured keys the service refuses to start (docs/security.md).
# Logs are ECS JSON lines; set LOGGING_STRUCTURED_FORMAT_CONSOLE= (empty) for plain text.
ENV CROSSSELL_SECURITY_GENERATE_DEV_KEY=false \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
EXPOSE 8080
# readiness includes the database check; bash's /dev/tcp, as the JRE image has no curl
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# exec form: java is PID 1 and gets SIGTERM directly, so server.shutdown=graceful drains requests on docker stop
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "application.jar"]
