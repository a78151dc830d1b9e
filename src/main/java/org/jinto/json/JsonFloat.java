package org.jinto.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import jakarta.json.JsonNumber;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.stream.Stream;

/**
 * A JSON number read as a Python {@code float} (written with a fraction or an exponent), answered as Kinto does:
 * Python's {@code repr}, the shortest text that reads back as the same double ({@code 1e+23}, {@code 0.1},
 * {@code 5e-324}, {@code -0.0}, {@code 123456789.0}). Java 17's {@code Double.toString} is not the shortest
 * (JDK-4511638): the digits come from Schubfach (jackson-core).
 * <p>
 * {@link #bigDecimalValue()} is that shortest decimal with at least one fractional digit, so that a float is never
 * taken for an integer (scale 0) and PostgreSQL's numeric keeps it a float; it cannot hold the sign of -0.0.
 */
public final class JsonFloat implements JsonNumber {

    private final double value;
    private final BigDecimal decimal;

    public JsonFloat(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Not a JSON number: " + value);
        }
        this.value = value;
        BigDecimal shortest = value == 0 ? BigDecimal.ZERO : shortest(value);
        this.decimal = shortest.setScale(Math.max(shortest.scale(), 1), RoundingMode.UNNECESSARY);
    }

    /**
     * The shortest decimal that reads back as {@code value}. Schubfach's text never has fewer than two digits
     * ({@code 4.9E-324}, {@code 1.0E23}): a one-digit decimal is taken when it reads back the same.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal twoOrMore = new BigDecimal(NumberOutput.toString(value, true));
        if (twoOrMore.precision() != 2) {
            return twoOrMore;
        }
        return Stream.of(RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP)
                .map(mode -> twoOrMore.round(new MathContext(1, mode)))
                .filter(one -> one.doubleValue() == value)
                .findFirst().orElse(twoOrMore);
    }

    /** Python's {@code repr(float)}: shortest digits, scientific notation below 1e-4 and from 1e16. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal digitsAndScale = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = digitsAndScale.unscaledValue().toString();
        int exponent = digits.length() - digitsAndScale.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = digitsAndScale.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER;
    }

    /** Never: a Python float is not an int, even when its value is whole. */
    @Override
    public boolean isIntegral() {
        return false;
    }

    @Override
    public int intValue() {
        return decimal.intValue();
    }

    @Override
    public int intValueExact() {
        return decimal.intValueExact();
    }

    @Override
    public long longValue() {
        return decimal.longValue();
    }

    @Override
    public long longValueExact() {
        return decimal.longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return decimal.toBigInteger();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        return decimal.toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public BigDecimal bigDecimalValue() {
        return decimal;
    }

    @Override
    public Number numberValue() {
        return value;
    }

    /** As JSON-P's own numbers: equal when their {@link #bigDecimalValue()}s are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber number && decimal.equals(number.bigDecimalValue());
    }

    @Override
    public int hashCode() {
        return decimal.hashCode();
    }

    @Override
    public String toString() {
        return repr(value);
    }
}
