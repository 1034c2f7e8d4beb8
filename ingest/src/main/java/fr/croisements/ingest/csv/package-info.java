/**
 * What the file adapters share: CSV read line by line with a header naming the columns
 * ({@link fr.croisements.ingest.csv.LignesCsv}), the columns a user names for an adapter's roles
 * ({@link fr.croisements.ingest.csv.Correspondance}, {@code --colonne ROLE=NOM}), and the sending of one run's records and rejects
 * that never loses an asynchronous failure ({@link fr.croisements.ingest.csv.Envois}).
 */
package fr.croisements.ingest.csv;
