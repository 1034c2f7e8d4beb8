/**
 * What the file adapters share: CSV read line by line with a header naming the columns
 * ({@link fr.croisements.ingest.csv.LignesCsv}), and the sending of one run's records and rejects
 * that never loses an asynchronous failure ({@link fr.croisements.ingest.csv.Envois}).
 */
package fr.croisements.ingest.csv;
