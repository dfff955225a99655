package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Lambda's logger, printing to the dev server's console. Every line carries the function's name,
 * because all functions share one console here where Lambda gives each its own log group.
 */
final class PrefixedLogger implements LambdaLogger {
    private final String prefix;
    private final PrintStream out;

    PrefixedLogger(String functionName, PrintStream out) {
        this.prefix = "[" + functionName + "] ";
        this.out = out;
    }

    @Override
    public void log(String message) {
        String text = message == null ? "null" : message.stripTrailing();
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            lines.append(prefix).append(line).append(System.lineSeparator());
        }
        out.print(lines);
        out.flush();
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
