package org.jinto.plugins;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanAttributes;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.PassivationCapable;
import jakarta.enterprise.inject.spi.Producer;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.function.Function;

/**
 * A bean of the plugins folder: a plugin class, or one of its producer methods or fields, registered as a
 * synthetic bean whose bean class is {@link PluginRegistry}. The container resolves it in the bean archive of the
 * application (Payara would give a class of another class loader an archive of its own that sees nothing), and
 * lifecycle is delegated to the container's own {@link Producer} ({@code InjectionTarget} for a class), made on first
 * use.
 */
final class FolderBean<T> implements Bean<T>, PassivationCapable {

    private final String id;
    private final BeanAttributes<T> attributes;
    private final Class<? extends Annotation> scope;
    private final Function<Bean<T>, Producer<T>> producerFactory;
    private volatile Producer<T> producer;

    /**
     * {@code scope}: the container's scope for it (see {@link FolderBeans#scopeOf}); {@code producerFactory}: makes the
     * producer, given this bean.
     */
    FolderBean(String id, BeanAttributes<T> attributes, Class<? extends Annotation> scope,
               Function<Bean<T>, Producer<T>> producerFactory) {
        this.id = id;
        this.attributes = attributes;
        this.scope = scope;
        this.producerFactory = producerFactory;
    }

    @Override
    public T create(CreationalContext<T> context) {
        Producer<T> producer = producer();
        T instance = producer.produce(context);
        if (producer instanceof InjectionTarget<T> target) {
            target.inject(instance, context);
            target.postConstruct(instance);
        }
        return instance;
    }

    @Override
    public void destroy(T instance, CreationalContext<T> context) {
        Producer<T> producer = producer();
        if (producer instanceof InjectionTarget<T> target) {
            target.preDestroy(instance);
        }
        producer.dispose(instance);
        context.release();
    }

    private Producer<T> producer() {
        Producer<T> made = producer;
        if (made == null) {
            synchronized (this) {
                made = producer;
                if (made == null) {
                    made = producerFactory.apply(this);
                    producer = made;
                }
            }
        }
        return made;
    }

    @Override
    public Class<?> getBeanClass() {
        return PluginRegistry.class;
    }

    /** None declared: the container validates them when it makes the producer, at first use. */
    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return Set.of();
    }

    @Override
    public Set<Type> getTypes() {
        return attributes.getTypes();
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return attributes.getQualifiers();
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return scope;
    }

    @Override
    public String getName() {
        return attributes.getName();
    }

    @Override
    public Set<Class<? extends Annotation>> getStereotypes() {
        return attributes.getStereotypes();
    }

    @Override
    public boolean isAlternative() {
        return attributes.isAlternative();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String toString() {
        return "plugins folder bean " + id;
    }
}
