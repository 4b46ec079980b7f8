package io.simfleet.sftapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a call open to resellers too; every other call taking an {@code Actor} is Enterprise only (10002). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface AnyAccountType {}
