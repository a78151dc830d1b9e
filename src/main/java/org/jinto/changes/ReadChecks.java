package org.jinto.changes;

import org.jinto.resource.Authorizer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The read checks of one change, each asked once however many subscribers share the principals and object. */
final class ReadChecks {

    private record Question(Set<String> principals, String objectUri) {
    }

    private final Authorizer authorizer;
    private final Map<Question, Boolean> answers = new HashMap<>();

    ReadChecks(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    boolean mayRead(Set<String> principals, String objectUri) {
        return answers.computeIfAbsent(new Question(principals, objectUri),
                question -> authorizer.mayRead(question.principals(), question.objectUri()));
    }
}
