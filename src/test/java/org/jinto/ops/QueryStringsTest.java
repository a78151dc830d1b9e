package org.jinto.ops;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryStringsTest {

    @Test
    void decodesAndKeepsTheLastValue() {
        assertEquals(Map.of("a", "2", "b c", "d+e", "flag", ""),
                QueryStrings.parse("a=1&b%20c=d%2Be&&flag&a=2"));
    }

    @Test
    void emptyAndMalformedInputs() {
        assertEquals(Map.of(), QueryStrings.parse(null));
        assertEquals(Map.of(), QueryStrings.parse(""));
        assertEquals(Map.of("bad", "%zz"), QueryStrings.parse("bad=%zz"));
    }
}
