package org.jinto.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Stops a test class's own servers when the class ends ({@link JintoServer#stopClassServers()}), so that they hold
 * no memory and no PostgreSQL connection while the later classes run. Registered through
 * {@code META-INF/services}; test classes of one JVM run one after the other.
 */
public final class TestClassEnd implements TestExecutionListener {

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        test.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getJavaClass())
                .filter(testClass -> testClass.getEnclosingClass() == null)
                .ifPresent(ended -> JintoServer.stopClassServers());
    }
}
