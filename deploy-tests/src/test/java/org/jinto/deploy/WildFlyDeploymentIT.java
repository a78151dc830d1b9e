package org.jinto.deploy;

import org.junit.jupiter.api.Test;

/** jinto-ee.war on WildFly (its own RESTEasy, Weld, JSON-B). Runs with -Papp-servers. */
class WildFlyDeploymentIT {

    @Test
    void servesTheSmoke() throws Exception {
        DeploymentCheck.run(new WildFlyDeployment(Layout.version("wildfly")));
    }
}
