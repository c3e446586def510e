package io.sinapse.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code nn} in-process and keeps what it printed. */
record Run(int status, String out, String err) {

    static Run nn(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    /** For assertion messages: everything the run printed. */
    String transcript() {
        return "exit " + status + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}
