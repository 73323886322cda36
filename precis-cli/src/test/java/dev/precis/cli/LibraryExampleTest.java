package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example compiles as written, imports included, and runs. */
class LibraryExampleTest {
  private static final Path ROOT = Path.of(System.getProperty("precis.root", ".")).normalize();

  @Test
  void readmeExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
    String source = readmeExample();
    Path file = dir.resolve("Example.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    String classPath = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", dir.toString(), "-cp", classPath, file.toString());
    assertThat(rc).as("javac exit code").isZero();

    Path out = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                dir + java.io.File.pathSeparator + classPath,
                "Example")
            .directory(ROOT.toFile()) // the example reads examples/ relative to the repository
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("example finished").isTrue();
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(printed).contains("Citation[document=").contains(" entities");
  }

  /** The Java block of the README's "Library API" section. */
  private static String readmeExample() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Library API"));
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a java block in the Library API section").isTrue();
    String code = m.group(1);
    assertThat(code).contains("public class Example");
    return code;
  }
}
