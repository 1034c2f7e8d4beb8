package fr.croisements.streams.lora;

/** A temperature reading with the commune of its sensor, on the repartition topic. */
record LectureLocalisee(String codeInsee, String devEui, double temperature, boolean simule) {}
