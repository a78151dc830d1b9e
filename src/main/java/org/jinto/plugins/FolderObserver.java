package org.jinto.plugins;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls an observer method of a plugins folder class, registered as a synthetic observer (see {@link FolderBean} for
 * why): on the instance of its declaring bean, with the event, its metadata, or injected beans as arguments.
 */
final class FolderObserver {

    private final Bean<?> declaringBean;
    private final AnnotatedMethod<?> method;
    private final Method javaMethod;
    private volatile BeanManager beanManager;

    FolderObserver(Bean<?> declaringBean, AnnotatedMethod<?> method) {
        this.declaringBean = declaringBean;
        this.method = method;
        this.javaMethod = method.getJavaMember();
        javaMethod.setAccessible(true);
    }

    static boolean isObserver(AnnotatedMethod<?> method) {
        return method.getParameters().stream()
                .anyMatch(p -> p.isAnnotationPresent(Observes.class) || p.isAnnotationPresent(ObservesAsync.class));
    }

    void notify(EventContext<Object> event) {
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
        if (parameter.isAnnotationPresent(Observes.class) || parameter.isAnnotationPresent(ObservesAsync.class)) {
            return event.getEvent();
        }
        if (parameter.getBaseType() == EventMetadata.class) {
            return event.getMetadata();
        }
        return beanManager.getInjectableReference(beanManager.createInjectionPoint(parameter), context);
    }
}
