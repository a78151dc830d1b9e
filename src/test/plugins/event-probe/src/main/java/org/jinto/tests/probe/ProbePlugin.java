package org.jinto.tests.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.jinto.api.Plugin;

/** A test plugin that records the resource events it observes and can refuse a change. */
@ApplicationScoped
public class ProbePlugin implements Plugin {

    @Override
    public String includeName() {
        return "jinto.tests.probe";
    }
}
