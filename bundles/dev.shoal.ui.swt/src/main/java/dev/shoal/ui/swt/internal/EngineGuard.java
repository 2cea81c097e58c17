package dev.shoal.ui.swt.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.Torrent;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine as the window gets it: every call passes through here and is counted, and one made on
 * the display thread is counted apart, with its name. The window must read the engine only on the
 * poller's and the work executor's threads: an engine call may wait for a lock a download holds, and
 * the display thread must never wait. Torrents the engine hands out are wrapped the same way, so a
 * call on a {@link Torrent} from a snapshot is seen too. The call still happens: the guard reports,
 * it does not change what the window does. Not reset: such a call at any time is a bug.
 */
public final class EngineGuard {

    private final LongAdder calls = new LongAdder();
    private final LongAdder callsOnDisplayThread = new LongAdder();
    private volatile Thread displayThread;
    private volatile String lastCallOnDisplayThread = "";

    /** {@code engine}, each call counted. */
    public Engine guard(Engine engine) {
        return wrap(Engine.class, engine);
    }

    /** Runs {@code loop} (the desktop's event loop) on this thread, which counts as the display thread meanwhile. */
    public void runAsDisplayThread(Runnable loop) {
        displayThread = Thread.currentThread();
        try {
            loop.run();
        } finally {
            displayThread = null;
        }
    }

    /** Engine and torrent calls so far, on any thread. */
    public long calls() {
        return calls.sum();
    }

    public long callsOnDisplayThread() {
        return callsOnDisplayThread.sum();
    }

    /** {@code Torrent.status}, say; empty when there was none. */
    public String lastCallOnDisplayThread() {
        return lastCallOnDisplayThread;
    }

    private <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new Counting(type, target)));
    }

    private final class Counting implements InvocationHandler {

        private final Class<?> type;
        private final Object target;

        Counting(Class<?> type, Object target) {
            this.type = type;
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(method, args);
            }
            calls.increment();
            if (Thread.currentThread() == displayThread) {
                callsOnDisplayThread.increment();
                lastCallOnDisplayThread = type.getSimpleName() + "." + method.getName();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return guarded(method, result);
        }

        /** equals, hashCode and toString as the wrapped object's: two wrappers of one torrent are equal. */
        private Object objectMethod(Method method, Object[] args) {
            return switch (method.getName()) {
                case "equals" -> target.equals(unwrapped(args[0]));
                case "hashCode" -> target.hashCode();
                default -> target.toString();
            };
        }
    }

    private static Object unwrapped(Object other) {
        return other != null && Proxy.isProxyClass(other.getClass())
                && Proxy.getInvocationHandler(other) instanceof Counting counting ? counting.target : other;
    }

    /** A torrent, or a list or optional of them, wrapped; anything else as it is. */
    private Object guarded(Method method, Object result) {
        if (result instanceof Torrent torrent) {
            return wrap(Torrent.class, torrent);
        }
        if (!holdsTorrents(method.getGenericReturnType())) {
            return result;
        }
        if (result instanceof List<?> list) {
            return list.stream().map(torrent -> wrap(Torrent.class, (Torrent) torrent)).toList();
        }
        if (result instanceof Optional<?> optional) {
            return optional.map(torrent -> wrap(Torrent.class, (Torrent) torrent));
        }
        return result;
    }

    private static boolean holdsTorrents(Type type) {
        return type instanceof ParameterizedType generic
                && Arrays.asList(generic.getActualTypeArguments()).contains(Torrent.class);
    }
}
