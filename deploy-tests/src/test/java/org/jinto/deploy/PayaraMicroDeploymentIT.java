package org.jinto.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** jinto-ee.war on Payara Micro 6 (JDK 17). Runs with -Papp-servers. */
class PayaraMicroDeploymentIT {

    @Test
    void servesTheSmoke() throws Exception {
        DeploymentCheck.run(new PayaraMicroDeployment(Layout.version("payara")),
                Layout.serverConfig("examples/memory.ini"), Map.of());
    }
}
