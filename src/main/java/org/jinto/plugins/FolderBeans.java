package org.jinto.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMember;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanAttributes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Producer;
import jakarta.inject.Singleton;

import java.lang.annotation.Annotation;
import java.util.function.Function;

/**
 * Registers what a plugins folder class contributes to CDI: the class as a bean, its producer methods and fields as
 * beans, its observer methods as observers. All are synthetic (see {@link FolderBean}), and none has a normal scope:
 * a normal-scoped bean is reached through a client proxy, a class the container defines next to the bean class, which
 * WildFly cannot do for a class of a foreign class loader. {@code @ApplicationScoped} becomes {@code @Singleton} (one
 * instance), other normal scopes {@code @Dependent} (an instance per injection; a JAX-RS resource is one per request).
 */
final class FolderBeans {

    private FolderBeans() {
    }

    static <T> void register(AfterBeanDiscovery discovery, BeanManager beanManager, Class<T> type) {
        AnnotatedType<T> annotated = beanManager.createAnnotatedType(type);
        BeanAttributes<T> attributes = beanManager.createBeanAttributes(annotated);
        FolderBean<T> bean = new FolderBean<>(id(type.getName()), attributes, scopeOf(beanManager, attributes.getScope()),
                self -> applicationBeanManager().getInjectionTargetFactory(annotated).createInjectionTarget(self));
        discovery.addBean(bean);
        for (AnnotatedMethod<? super T> method : annotated.getMethods()) {
            if (method.isAnnotationPresent(Produces.class)) {
                discovery.addBean(producerBean(beanManager, method,
                        self -> applicationBeanManager().getProducerFactory(method, bean).createProducer(self)));
            }
            if (FolderObserver.isObserver(method)) {
                discovery.addObserverMethod(new FolderObserver(bean, method, beanManager));
            }
        }
        for (AnnotatedField<? super T> field : annotated.getFields()) {
            if (field.isAnnotationPresent(Produces.class)) {
                discovery.addBean(producerBean(beanManager, field,
                        self -> applicationBeanManager().getProducerFactory(field, bean).createProducer(self)));
            }
        }
    }

    private static Bean<Object> producerBean(BeanManager beanManager, AnnotatedMember<?> member,
                                             Function<Bean<Object>, Producer<Object>> producerFactory) {
        @SuppressWarnings("unchecked") // a producer's bean types are those of its member
        BeanAttributes<Object> attributes = (BeanAttributes<Object>) beanManager.createBeanAttributes(member);
        return new FolderBean<>(id(member.getDeclaringType().getJavaClass().getName() + "#" + member.getJavaMember()),
                attributes, scopeOf(beanManager, attributes.getScope()), producerFactory);
    }

    /**
     * The bean manager that resolves injection points against the application's beans, once the application runs.
     * Not the one an extension is given: on Payara 6 that one belongs to a bean archive made for the extension class
     * alone, which sees none of the application's beans (WELD-001408 on the plugin's {@code @Inject Settings}).
     */
    static BeanManager applicationBeanManager() {
        return CDI.current().getBeanManager();
    }

    static Class<? extends Annotation> scopeOf(BeanManager beanManager, Class<? extends Annotation> declared) {
        if (declared == ApplicationScoped.class) {
            return Singleton.class;
        }
        return beanManager.isNormalScope(declared) ? Dependent.class : declared;
    }

    private static String id(String member) {
        return "jinto-plugins-folder:" + member;
    }
}
