package io.sinapse.app.lessons;

import java.util.List;
import java.util.Optional;

/** The lessons, in the order of the course. */
public final class Lessons {

    private static final List<Lesson> ALL = List.of(
            new NeuronLesson(),
            new PerceptronLesson(),
            new XorLesson(),
            new ActivationsLesson(),
            new CustomerLesson(),
            new GradientDescentLesson(),
            new LearningRateLesson(),
            new ScalingLesson(),
            new RegularizationLesson(),
            new OverfittingLesson());

    private Lessons() {
    }

    public static List<Lesson> all() {
        return ALL;
    }

    public static Optional<Lesson> named(String name) {
        return ALL.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Lesson::name).toList();
    }
}
