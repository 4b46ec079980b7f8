# syntax=docker/dockerfile:1
# The simfleet server as an image (docs/operations.md, "Docker"):
#   docker build -t simfleet .
#   docker run --rm -p 127.0.0.1:8080:8080 -v simfleet-data:/var/lib/simfleet/data simfleet
# or with an external PostgreSQL: compose.yaml.

# --- build: the Maven wrapper, as on a developer's machine. The tests are CI's job (-DskipTests);
# the Maven repository is a build cache, so a rebuild downloads nothing it already has.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -q -pl server -am package -DskipTests \
 && cp server/target/simfleet-server-*-exec.jar /simfleet.jar

# --- run: a JRE and the executable jar, as an unprivileged user (uid 10001)
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 simfleet \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/simfleet --shell /usr/sbin/nologin simfleet \
 && mkdir -p /var/lib/simfleet/data \
 && chown -R 10001:10001 /var/lib/simfleet
COPY --from=build /simfleet.jar /opt/simfleet/simfleet.jar
USER 10001:10001
WORKDIR /var/lib/simfleet
# In a container the port must be open on the container's interface; publish it on the host's
# loopback (-p 127.0.0.1:8080:8080) while the demo data is on. Without SIMFLEET_DB_URL the server
# runs its embedded PostgreSQL with its data in the volume below.
ENV SERVER_ADDRESS=0.0.0.0 \
    SIMFLEET_DATA_DIR=/var/lib/simfleet/data
VOLUME /var/lib/simfleet/data
EXPOSE 8080
# Ready once the server can serve (database migrated, start-up data written); the first start
# of a new database takes longest. On the management port when MANAGEMENT_SERVER_PORT is set.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}/actuator/health/readiness" || exit 1
# java is PID 1 and gets the SIGTERM of `docker stop`: requests in flight finish (up to 30 s), then it exits
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/simfleet/simfleet.jar"]
