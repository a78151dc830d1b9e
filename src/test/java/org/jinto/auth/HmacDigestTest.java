package org.jinto.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HmacDigestTest {

    @Test
    void matchesPythonHmacIncludingTheEmptySecret() {
        // Python: hmac.new(b"", b"account:alice", hashlib.sha256).hexdigest()
        assertEquals("73141b756d020c036aee82ad1ea55d41", HmacDigest.hex("", "account:alice").substring(0, 32));
        // Python: hmac.new(b"test-secret", b"accounts:alice:verified", hashlib.sha256).hexdigest()
        assertEquals("4a695380e54ae75eb63317afa82484d2db075bfdbcd21bea14172e9cb37bbdec",
                HmacDigest.hex("test-secret", "accounts:alice:verified"));
    }
}
