package org.jinto.auth;

import org.jinto.settings.KintoSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.jinto.testing.AuthHeaders.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * basicauth user ids byte-identical to Kinto 25's: the ids the real Kinto answered in the conformance recordings
 * (golden 01_hello_utilities, 20_basicauth) with {@code userid_hmac_secret = anchor-fixed-hmac-secret-do-not-use-in-prod}.
 */
class BasicAuthPolicyTest {

    private final BasicAuthPolicy policy = new BasicAuthPolicy();

    @Test
    void userIdIsKintosHmacOfUserAndPassword() {
        policy.settings = new KintoSettings(Map.of("kinto.userid_hmac_secret", "anchor-fixed-hmac-secret-do-not-use-in-prod"),
                name -> null);
        assertEquals(Optional.of("basicauth:e610c9d1e2eca9b4b4933ae224817bb933de44b93964777891ee33bca925fae0"),
                policy.authenticate(basic("carol", "secret-carol")));
        assertEquals(Optional.of("basicauth:91da53850d84463e351fe08b35d787dba8deccf02137e3f8131f7fdf9d413348"),
                policy.authenticate(basic("alice", "wrong")));
    }

    @Test
    void anEmptyUserIsNoUser() {
        policy.settings = new KintoSettings(Map.of(), name -> null);
        assertEquals(Optional.empty(), policy.authenticate(basic("", "no-user")));
        assertEquals(Optional.empty(), policy.authenticate("Basic not-base64!"));
    }
}
