package org.jinto.resource.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NextPageLinkTest {

    @Test
    void keepsParametersOnceWithTheirLastValueAndSetsLimitAndToken() {
        NextPageLink link = new NextPageLink("http://h/v1/r",
                QueryString.parse("b=1&_limit=9&b=2&x=a+b&y=%C3%A9&_token=old&s=-a,b"));
        assertEquals("http://h/v1/r?b=2&_limit=3&x=a+b&y=%C3%A9&_token=tok%3D&s=-a%2Cb", link.url(3, "tok="));
    }

    @Test
    void appendsLimitAndTokenWhenAbsent() {
        assertEquals("http://h/v1/r?_limit=5&_token=t", new NextPageLink("http://h/v1/r", QueryString.empty())
                .url(5, "t"));
    }

    @Test
    void quotesAsPython() {
        assertEquals("AZaz09_.-~%2F%2B%3D+%25%22%27%00%E2%82%AC", NextPageLink.quotePlus("AZaz09_.-~/+= %\"'\0€"));
    }
}
