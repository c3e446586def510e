package io.sinapse.data;

import java.lang.reflect.Method;

/**
 * Bytes the current thread has allocated so far, from HotSpot's {@code com.sun.management.ThreadMXBean}. Reached
 * by reflection, which needs no {@code requires} of the management modules in the module under test.
 */
final class AllocationMeter {

    private final Object bean;
    private final Method allocatedBytes;

    private AllocationMeter(Object bean, Method allocatedBytes) {
        this.bean = bean;
        this.allocatedBytes = allocatedBytes;
    }

    static AllocationMeter create() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
        return new AllocationMeter(bean, hotspot.getMethod("getCurrentThreadAllocatedBytes"));
    }

    long allocatedBytes() throws ReflectiveOperationException {
        return (long) allocatedBytes.invoke(bean);
    }
}
