package org.jinto.testing;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Wrapper;

/**
 * Drops the JSP servlet that the Arquillian Tomcat adapter adds to every deployment (Tomcat's default web.xml).
 * Jasper is not on the class path, so that servlet could only fail to load, logging a SEVERE error on every run.
 */
public class WithoutJspServlet implements LifecycleListener {

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
            return;
        }
        Context context = (Context) event.getLifecycle();
        if (context.findChild("jsp") instanceof Wrapper jsp) {
            for (String pattern : jsp.findMappings()) {
                context.removeServletMapping(pattern);
            }
            context.removeChild(jsp);
        }
    }
}
