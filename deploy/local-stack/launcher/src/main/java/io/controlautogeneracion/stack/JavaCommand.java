package io.controlautogeneracion.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the command line of a part that runs on its own JVM. */
public final class JavaCommand {
    private final List<String> jvm = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final String java;
    private String classpath;
    private String mainClass;

    private JavaCommand(String java) {
        this.java = java;
    }

    /** A command for the given part, tagged so that its process can be recognised later. */
    public static JavaCommand using(StackContext ctx, String part) {
        JavaCommand command = new JavaCommand(ctx.javaExecutable());
        command.jvm.add(tag(part));
        return command;
    }

    /** The flag that marks a process as a part of the local stack. */
    static String tag(String part) {
        return "-Dlocal.stack.part=" + part;
    }

    public JavaCommand heap(String max) {
        jvm.add("-Xmx" + max);
        return this;
    }

    public JavaCommand jvm(String... flags) {
        jvm.addAll(Arrays.asList(flags));
        return this;
    }

    /** Flags written as one space-separated setting; blank adds nothing. */
    public JavaCommand jvmFlags(String flags) {
        for (String flag : flags.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                jvm.add(flag);
            }
        }
        return this;
    }

    public JavaCommand property(String name, Object value) {
        jvm.add("-D" + name + "=" + value);
        return this;
    }

    /**
     * Each line of a part logging through slf4j-simple (the stand-ins) starts with its time, as the
     * other parts' lines do, so a log can be read against the others'.
     */
    public JavaCommand simpleLoggerTimes() {
        return property("org.slf4j.simpleLogger.showDateTime", true)
                .property("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    public JavaCommand classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    public JavaCommand main(String mainClass, String... arguments) {
        this.mainClass = mainClass;
        args.addAll(Arrays.asList(arguments));
        return this;
    }

    /** Runs an executable jar instead of a main class. */
    public JavaCommand jar(String path) {
        this.classpath = path;
        this.mainClass = null;
        return this;
    }

    public List<String> build() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        if (mainClass == null) {
            command.add("-jar");
            command.add(classpath);
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }
}
