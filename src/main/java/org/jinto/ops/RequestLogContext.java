package org.jinto.ops;

import jakarta.enterprise.context.RequestScoped;
import org.jinto.api.http.Errno;

/**
 * What the request summary needs but only code deeper in the stack knows: who made the request (set by the
 * authenticator once a policy recognised the user), which Kinto errno was answered (set where an error JSON becomes the
 * answer: exception mappers, the resource API endpoint, the filters and servlet that write errors themselves),
 * and which endpoint template matched (set by {@link org.jinto.http.MatchedEndpointFilter}).
 * One per HTTP request; read by {@link RequestObservationFilter} when the response is complete.
 */
@RequestScoped
public class RequestLogContext {

    private String requestId;
    private String userId;
    private Errno errno;
    private String matchedTemplate;

    public String requestId() {
        return requestId;
    }

    void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    /** The authenticated user id as Kinto logs it, without the policy prefix ({@code alice}), or null when anonymous. */
    public String userId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    /** The Kinto errno of the last error JSON answered, or null if none was. */
    public Errno errno() {
        return errno;
    }

    public void setErrno(Errno errno) {
        this.errno = errno;
    }

    /** The JAX-RS path template of the resource method that answered (e.g. {@code /__heartbeat__}), or null. */
    public String matchedTemplate() {
        return matchedTemplate;
    }

    public void setMatchedTemplate(String matchedTemplate) {
        this.matchedTemplate = matchedTemplate;
    }
}
