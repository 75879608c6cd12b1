package vn.ocop.service.platform.web;

import jakarta.validation.Constraint;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Which controllers are left out of AOP method validation: those whose only constraint is {@code @Valid} on a
 * {@code @RequestBody}. The generated API interfaces carry {@code @Validated}, so every controller was proxied and its
 * body validated twice: once by Spring MVC while reading it (an invalid body is refused there, 400, before the method is
 * called) and again, always passing, by the proxy (about a tenth of a stateless evaluation's CPU). A controller with any
 * other constraint (a path or query parameter, a return value) keeps the proxy, which is what checks those.
 */
final class BodyOnlyValidation implements MethodValidationExcludeFilter {

    @Override
    public boolean isExcluded(Class<?> type) {
        if (!AnnotatedElementUtils.hasAnnotation(type, Controller.class)) return false;
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == Object.class) continue;
            for (Method declared : declarations(type, method)) {
                if (!onlyBodyIsValidated(declared)) return false;
            }
        }
        return true;
    }

    /** The method and every declaration it implements or overrides (constraints may sit on any of them). */
    private static List<Method> declarations(Class<?> type, Method method) {
        List<Method> all = new ArrayList<>();
        all.add(method);
        for (Class<?> c : ClassUtils.getAllInterfacesForClassAsSet(type)) {
            Method m = ClassUtils.getMethodIfAvailable(c, method.getName(), method.getParameterTypes());
            if (m != null) all.add(m);
        }
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Method m = ClassUtils.getMethodIfAvailable(c, method.getName(), method.getParameterTypes());
            if (m != null && m.getDeclaringClass() == c) all.add(m);
        }
        return all;
    }

    private static boolean onlyBodyIsValidated(Method m) {
        if (constrains(m.getAnnotations()) || constrains(m.getAnnotatedReturnType())) return false;
        Annotation[][] params = m.getParameterAnnotations();
        AnnotatedType[] types = m.getAnnotatedParameterTypes();
        for (int i = 0; i < params.length; i++) {
            boolean body = false;
            for (Annotation a : params[i]) {
                if (a instanceof RequestBody) body = true;
            }
            boolean validated = constrains(params[i]) || constrains(types[i]);
            if (validated && !body) return false;
        }
        return true;
    }

    private static boolean constrains(AnnotatedType type) {
        if (type == null) return false;
        if (constrains(type.getAnnotations())) return true;
        if (type instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                if (constrains(arg)) return true;
            }
        }
        return type instanceof AnnotatedArrayType a && constrains(a.getAnnotatedGenericComponentType());
    }

    /** Bean Validation annotations (constraints, their lists, {@code @Valid}) and Spring's {@code @Validated}. */
    private static boolean constrains(Annotation[] annotations) {
        for (Annotation a : annotations) {
            Class<? extends Annotation> t = a.annotationType();
            if (t.getName().startsWith("jakarta.validation.")
                    || t.isAnnotationPresent(Constraint.class)
                    || a instanceof Validated) {
                return true;
            }
        }
        return false;
    }
}
