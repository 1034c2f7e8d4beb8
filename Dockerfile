# The croisements application, built from this repository (no Docker engine is needed to run the demo:
# see README, ./croisements demo). Used by docker-compose.yml.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms alone first: the dependencies are downloaded in a layer of their own, kept while only the
# sources change (the project's own modules are built below, not downloaded; the plugin's version is given,
# its default one is too old to resolve a reactor).
COPY pom.xml ./
COPY events/pom.xml events/
COPY datasets/pom.xml datasets/
COPY ingest/pom.xml ingest/
COPY streams/pom.xml streams/
COPY viz/pom.xml viz/
COPY app/pom.xml app/
RUN mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline -DexcludeGroupIds=fr.croisements
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the health checks of docker-compose.yml; a user of its own, not root; the state folder its own
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system croisements \
    && useradd --system --gid croisements --home-dir /app --shell /usr/sbin/nologin croisements \
    && mkdir -p /var/lib/croisements && chown croisements:croisements /var/lib/croisements
WORKDIR /app
COPY --from=build /src/app/target/croisements.jar /app/croisements.jar
USER croisements
EXPOSE 7070
ENTRYPOINT ["java", "-Xmx1g", "-jar", "/app/croisements.jar"]
