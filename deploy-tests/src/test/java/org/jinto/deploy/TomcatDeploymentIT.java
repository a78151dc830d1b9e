package org.jinto.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** jinto.war on the Tomcat 10.1 and 11 distributions. */
class TomcatDeploymentIT {

    @ParameterizedTest(name = "Tomcat {0}")
    @ValueSource(strings = {"tomcat10", "tomcat11"})
    void servesTheSmoke(String product) throws Exception {
        DeploymentCheck.run(new TomcatDeployment(Layout.version(product)));
    }
}
