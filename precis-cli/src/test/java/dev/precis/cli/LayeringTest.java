package dev.precis.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of Precis point one way, and evaluation stays out of the product. This test lives in
 * the command line module because that is the one module that sees every other (core, eval, store,
 * server); it reads the compiled main classes of all of them (folders or jars, as Maven gives
 * them).
 *
 * <pre>
 * model ← ingest ← text ← {story, summarize, facts} ← {format, dev.precis (Precis, StoryPipeline)}
 *       ← store ← server ← cli;   eval (module precis-eval) ← cli
 * </pre>
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.precis");
  }

  @Test
  void layersPointOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy("dev.precis.model..")
        .layer("ingest")
        .definedBy("dev.precis.ingest..")
        .layer("text")
        .definedBy("dev.precis.text..")
        .layer("story")
        .definedBy("dev.precis.story..")
        .layer("summarize")
        .definedBy("dev.precis.summarize..")
        .layer("facts")
        .definedBy("dev.precis.facts..")
        .layer("format")
        .definedBy("dev.precis.format..")
        .layer("pipeline")
        .definedBy("dev.precis")
        .layer("store")
        .definedBy("dev.precis.store..")
        .layer("server")
        .definedBy("dev.precis.server..")
        .layer("eval")
        .definedBy("dev.precis.eval..")
        .layer("cli")
        .definedBy("dev.precis.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers("server", "cli")
        .whereLayer("eval")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("pipeline")
        .mayOnlyBeAccessedByLayers("store", "server", "eval", "cli")
        .whereLayer("format")
        .mayOnlyBeAccessedByLayers("pipeline", "store", "server", "eval", "cli")
        .whereLayer("story")
        .mayOnlyBeAccessedByLayers("format", "pipeline", "store", "server", "eval", "cli")
        .whereLayer("summarize")
        .mayOnlyBeAccessedByLayers("format", "pipeline", "store", "server", "eval", "cli")
        .whereLayer("facts")
        .mayOnlyBeAccessedByLayers("format", "pipeline", "store", "server", "eval", "cli")
        .whereLayer("text")
        .mayOnlyBeAccessedByLayers(
            "story", "summarize", "facts", "format", "pipeline", "store", "server", "eval", "cli")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers(
            "text",
            "story",
            "summarize",
            "facts",
            "format",
            "pipeline",
            "store",
            "server",
            "eval",
            "cli")
        .check(classes);
  }

  @Test
  void modelDependsOnNoStage() {
    noClasses()
        .that()
        .resideInAPackage("dev.precis.model..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.precis.model..", "java..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.precis.(**)").should().beFreeOfCycles().check(classes);
  }

  /**
   * Evaluation code ships in {@code precis-eval}, never in the library: everything in {@code eval}
   * and every {@code *Evaluation}. {@code FactsEvaluation} is the one class there in a product
   * package ({@code facts}): it scores the extractors' package-private stages one by one.
   */
  @Test
  void evaluationLivesInTheEvalModule() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Evaluation")
        .or()
        .resideInAPackage("dev.precis.eval..")
        .should(inModule("precis-eval"))
        .check(classes);
    noClasses()
        .that(not(inModulePredicate("precis-eval")))
        .and()
        .resideOutsideOfPackage("dev.precis.cli..")
        .should()
        .dependOnClassesThat(inModulePredicate("precis-eval"))
        .check(classes);
  }

  private static ArchCondition<JavaClass> inModule(String module) {
    return ArchConditions.be(inModulePredicate(module));
  }

  private static DescribedPredicate<JavaClass> inModulePredicate(String module) {
    return DescribedPredicate.describe(
        "compiled in module " + module,
        c ->
            c.getSource()
                .map(s -> s.getUri().toString().contains("/" + module + "/"))
                .orElse(false));
  }
}
