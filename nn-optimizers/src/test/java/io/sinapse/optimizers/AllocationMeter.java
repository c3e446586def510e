package io.sinapse.optimizers;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread, from HotSpot's {@code com.sun.management.ThreadMXBean}. Reached by
 * reflection because this module does not read {@code jdk.management}, and a test should not make it.
 */
final class AllocationMeter {

    private final Object bean;
    private final Method allocatedBytes;

    private AllocationMeter(Object bean, Method allocatedBytes) {
        this.bean = bean;
        this.allocatedBytes = allocatedBytes;
    }

    static AllocationMeter forCurrentThread() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Method method = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        AllocationMeter meter = new AllocationMeter(bean, method);
        for (int i = 0; i < 50; i++) { // past the reflection inflation threshold (15 calls), which generates a class
            meter.bytesAllocatedBy(() -> { });
        }
        return meter;
    }

    /** Bytes allocated on this thread while {@code work} ran, including the measurement's own few. */
    long bytesAllocatedBy(Runnable work) throws ReflectiveOperationException {
        long before = (Long) allocatedBytes.invoke(bean);
        work.run();
        long after = (Long) allocatedBytes.invoke(bean);
        return after - before;
    }
}
