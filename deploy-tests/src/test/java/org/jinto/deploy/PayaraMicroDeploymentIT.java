package org.jinto.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** jinto-ee.war on Payara Micro 6 (Jakarta EE 10, this JDK) and 7 (Jakarta EE 11, Java 21+). Runs with -Papp-servers. */
class PayaraMicroDeploymentIT {

    @ParameterizedTest(name = "Payara Micro {0}")
    @CsvSource({"payara6, java.home", "payara7, payara7.javaHome"})
    void servesTheSmoke(String product, String javaHomeProperty) throws Exception {
        String javaHome = System.getProperty(javaHomeProperty);
        assertTrue(Files.isExecutable(Path.of(javaHome, "bin", "java")),
                "No JDK at " + javaHome + " (set -D" + javaHomeProperty + ")");
        DeploymentCheck.run(new PayaraMicroDeployment(Layout.version(product), javaHome));
    }
}
