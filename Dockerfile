# The croisements application, built from this repository (no Docker engine is needed to run the demo:
# see README, ./croisements demo). Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/croisements.jar /app/croisements.jar
EXPOSE 7070
ENTRYPOINT ["java", "-Xmx1g", "-jar", "/app/croisements.jar"]
