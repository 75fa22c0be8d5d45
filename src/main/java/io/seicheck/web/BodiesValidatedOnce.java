package io.seicheck.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Each request body is validated once. The generated API interfaces are {@code @Validated}, so every controller
 * sits behind a method-validation proxy that checks headers and query parameters; that proxy also walked the
 * whole {@code @Valid} body again, after Spring MVC had validated it while reading it (its errors are reported
 * from there). Profiled under load, the second walk was about a tenth of an assessment's request-thread time.
 * This replaces Boot's post-processor (same settings) with one whose validator leaves {@code @RequestBody}
 * arguments out; every other argument and return value is validated as before.
 */
@Configuration(proxyBeanMethods = false)
class BodiesValidatedOnce {

    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment, @Lazy Validator validator,
            ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
        FilteredMethodValidationPostProcessor processor = new FilteredMethodValidationPostProcessor(
                excludeFilters.orderedStream());
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setAdaptConstraintViolations(
                environment.getProperty("spring.validation.method.adapt-constraint-violations", Boolean.class, false));
        processor.setValidator(new WithoutBodies(validator));
        return processor;
    }

    /** A validator whose method-parameter validation skips request bodies (passed as null, which {@code @Valid} skips). */
    private record WithoutBodies(Validator validator) implements Validator {

        private static final Map<Method, boolean[]> BODIES = new ConcurrentHashMap<>();

        @Override
        public ExecutableValidator forExecutables() {
            ExecutableValidator executables = validator.forExecutables();
            return new ExecutableValidator() {
                @Override
                public <T> Set<ConstraintViolation<T>> validateParameters(T object, Method method, Object[] parameters,
                        Class<?>... groups) {
                    return executables.validateParameters(object, method, withoutBodies(method, parameters), groups);
                }

                @Override
                public <T> Set<ConstraintViolation<T>> validateReturnValue(T object, Method method, Object returnValue,
                        Class<?>... groups) {
                    return executables.validateReturnValue(object, method, returnValue, groups);
                }

                @Override
                public <T> Set<ConstraintViolation<T>> validateConstructorParameters(Constructor<? extends T> constructor,
                        Object[] parameters, Class<?>... groups) {
                    return executables.validateConstructorParameters(constructor, parameters, groups);
                }

                @Override
                public <T> Set<ConstraintViolation<T>> validateConstructorReturnValue(Constructor<? extends T> constructor,
                        T createdObject, Class<?>... groups) {
                    return executables.validateConstructorReturnValue(constructor, createdObject, groups);
                }
            };
        }

        private static Object[] withoutBodies(Method method, Object[] parameters) {
            boolean[] bodies = BODIES.computeIfAbsent(method, m -> {
                // AnnotatedMethod also sees the annotations on the generated interface the controller implements.
                var declared = new AnnotatedMethod(m).getMethodParameters();
                boolean[] b = new boolean[declared.length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = declared[i].hasParameterAnnotation(RequestBody.class);
                }
                return b;
            });
            Object[] copy = null;
            for (int i = 0; i < bodies.length && i < parameters.length; i++) {
                if (bodies[i]) {
                    if (copy == null) {
                        copy = parameters.clone();
                    }
                    copy[i] = null;
                }
            }
            return copy == null ? parameters : copy;
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
            return validator.validate(object, groups);
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
            return validator.validateProperty(object, propertyName, groups);
        }

        @Override
        public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
                Class<?>... groups) {
            return validator.validateValue(beanType, propertyName, value, groups);
        }

        @Override
        public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
            return validator.getConstraintsForClass(clazz);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return validator.unwrap(type);
        }
    }
}
