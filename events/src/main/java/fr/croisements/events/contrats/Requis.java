package fr.croisements.events.contrats;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component its record refuses as {@code null}: the JSON Schema generated for the record
 * ({@link SchemasEnregistrements}) requires it and does not allow {@code null}. Every other component of
 * an object type may be absent or {@code null}; a primitive one is always required. Reading is not
 * changed (Jackson does not know this annotation): the record's own constructor refuses the null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Requis {}
