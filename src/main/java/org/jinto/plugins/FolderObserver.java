package org.jinto.plugins;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.ObserverMethod;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An observer method of a plugins folder class, registered as a synthetic observer (see {@link FolderBean} for why):
 * called on the instance of its declaring bean, with the event, its metadata, or injected beans as arguments. What
 * the method throws reaches the code that fired the event unchanged (a configured observer's exceptions would be
 * wrapped in an {@code ObserverException}, turning a backend's 503 into a 500).
 */
final class FolderObserver implements ObserverMethod<Object> {

    private final Bean<?> declaringBean;
    private final AnnotatedMethod<?> method;
    private final AnnotatedParameter<?> eventParameter;
    private final Set<Annotation> qualifiers;
    private final Method javaMethod;
    private volatile BeanManager beanManager;

    /** {@code registrationManager}: tells qualifiers apart while the container starts. */
    FolderObserver(Bean<?> declaringBean, AnnotatedMethod<?> method, BeanManager registrationManager) {
        this.declaringBean = declaringBean;
        this.method = method;
        this.eventParameter = method.getParameters().stream().filter(FolderObserver::isEventParameter).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(method + " observes nothing"));
        this.qualifiers = eventParameter.getAnnotations().stream()
                .filter(a -> registrationManager.isQualifier(a.annotationType())).collect(Collectors.toSet());
        this.javaMethod = method.getJavaMember();
        javaMethod.setAccessible(true);
    }

    static boolean isObserver(AnnotatedMethod<?> method) {
        return method.getParameters().stream().anyMatch(FolderObserver::isEventParameter);
    }

    private static boolean isEventParameter(AnnotatedParameter<?> parameter) {
        return parameter.isAnnotationPresent(Observes.class) || parameter.isAnnotationPresent(ObservesAsync.class);
    }

    @Override
    public Class<?> getBeanClass() {
        return PluginRegistry.class;
    }

    @Override
    public Bean<?> getDeclaringBean() {
        return declaringBean;
    }

    @Override
    public Type getObservedType() {
        return eventParameter.getBaseType();
    }

    @Override
    public Set<Annotation> getObservedQualifiers() {
        return qualifiers;
    }

    @Override
    public Reception getReception() {
        Observes observes = eventParameter.getAnnotation(Observes.class);
        return observes != null ? observes.notifyObserver() : eventParameter.getAnnotation(ObservesAsync.class)
                .notifyObserver();
    }

    @Override
    public TransactionPhase getTransactionPhase() {
        Observes observes = eventParameter.getAnnotation(Observes.class);
        return observes != null ? observes.during() : TransactionPhase.IN_PROGRESS;
    }

    @Override
    public int getPriority() {
        Priority priority = eventParameter.getAnnotation(Priority.class);
        return priority != null ? priority.value() : DEFAULT_PRIORITY;
    }

    @Override
    public boolean isAsync() {
        return eventParameter.isAnnotationPresent(ObservesAsync.class);
    }

    @Override
    public void notify(EventContext<Object> event) {
        BeanManager beanManager = beanManager();
        CreationalContext<?> receiverContext = beanManager.createCreationalContext(declaringBean);
        CreationalContext<?> argumentsContext = beanManager.createCreationalContext(null);
        try {
            Object receiver = method.isStatic() ? null
                    : beanManager.getReference(declaringBean, method.getDeclaringType().getJavaClass(), receiverContext);
            Object[] arguments = method.getParameters().stream()
                    .map(parameter -> argument(parameter, event, argumentsContext, beanManager)).toArray();
            javaMethod.invoke(receiver, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new ObserverException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call observer " + javaMethod, e);
        } finally {
            argumentsContext.release();
            // A singleton's context holds what the singleton depends on: it lives as long as the application.
            if (declaringBean.getScope() == Dependent.class) {
                receiverContext.release();
            }
        }
    }

    /** Looked up once (finding it walks the stack); two threads looking it up at once find the same. */
    private BeanManager beanManager() {
        BeanManager found = beanManager;
        if (found == null) {
            found = FolderBeans.applicationBeanManager();
            beanManager = found;
        }
        return found;
    }

    private Object argument(AnnotatedParameter<?> parameter, EventContext<Object> event, CreationalContext<?> context,
                            BeanManager beanManager) {
        if (parameter == eventParameter) {
            return event.getEvent();
        }
        if (parameter.getBaseType() == EventMetadata.class) {
            return event.getMetadata();
        }
        return beanManager.getInjectableReference(beanManager.createInjectionPoint(parameter), context);
    }
}
