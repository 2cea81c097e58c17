package dev.shoal.shell.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.felix.service.command.annotations.RequireGogoWhiteboard;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Registers a component's public methods as Gogo commands in the {@code shoal} scope (the
 * {@code osgi.command.scope} and {@code osgi.command.function} service properties), as Felix's
 * examples/gogo does, and requires the Gogo runtime that picks them up.
 */
@ComponentPropertyType
@RequireGogoWhiteboard
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface Command {

    String PREFIX_ = "osgi.command.";

    String SCOPE = "shoal";

    String scope() default SCOPE;

    String[] function();
}
