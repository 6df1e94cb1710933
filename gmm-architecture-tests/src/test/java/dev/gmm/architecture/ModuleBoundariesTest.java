package dev.gmm.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module map of DESIGN.md as executable rules, checked over the compiled classes of every
 * production module. Each rule is also a claim users rely on: gmm-core needs the JDK alone, the
 * GPL code of Smile stays in gmm-baselines and gmm-bench, and no module reaches into another's
 * internals.
 */
class ModuleBoundariesTest {
    private static final String[] MODULES = {"core", "metrics", "datasets", "baselines", "imaging", "audio", "parsimonious",
        "app", "bench", "spark"};

    private static JavaClasses production;

    @BeforeAll
    static void importEveryModule() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gmm");
    }

    @Test
    void theImportSeesEveryModule() {
        // a filter that imports nothing would let every rule pass: insist on a realistic class count
        assertThat(production.size()).isGreaterThan(60);
        for (String module : new String[] {"core", "metrics", "datasets", "baselines", "parsimonious", "app", "spark"}) {
            long count = production.stream().filter(c -> c.getPackageName().startsWith("dev.gmm." + module)).count();
            assertThat(count).as("classes imported from gmm-" + module).isGreaterThanOrEqualTo(2);
        }
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith("dev.gmm.core")).count())
                .as("classes imported from gmm-core").isGreaterThan(30);
    }

    @Test
    void modulesUseOnlyTheModulesTheMapAllows() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("dev.gmm.core..")
                .layer("metrics").definedBy("dev.gmm.metrics..")
                .layer("datasets").definedBy("dev.gmm.datasets..")
                .layer("baselines").definedBy("dev.gmm.baselines..")
                .layer("imaging").definedBy("dev.gmm.imaging..")
                .layer("audio").definedBy("dev.gmm.audio..")
                .layer("parsimonious").definedBy("dev.gmm.parsimonious..")
                .layer("app").definedBy("dev.gmm.app..")
                .layer("bench").definedBy("dev.gmm.bench..")
                .layer("spark").definedBy("dev.gmm.spark..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("baselines").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("imaging").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("audio").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("parsimonious").mayOnlyBeAccessedByLayers("app", "bench")
                .whereLayer("datasets").mayOnlyBeAccessedByLayers("imaging", "audio", "app", "bench", "spark")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("imaging", "audio", "app", "bench")
                .whereLayer("core").mayOnlyBeAccessedByLayers("metrics", "datasets", "baselines", "imaging", "audio",
                        "parsimonious", "app", "bench", "spark");
        rule.check(production);
    }

    @Test
    void theCoreDependsOnTheJdkAlone() {
        noClasses().that().resideInAPackage("dev.gmm.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "jdk.incubator.vector..", "dev.gmm.core..")
                .check(production);
    }

    @Test
    void onlyTheCoreUsesTheVectorApi() {
        noClasses().that().resideOutsideOfPackage("dev.gmm.core..")
                .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
                .check(production);
    }

    @Test
    void smileStaysInTheBaselinesAndTheBenchmarks() {
        // Smile is GPL-3.0: only the GPL modules may link it
        noClasses().that().resideOutsideOfPackages("dev.gmm.baselines..", "dev.gmm.bench..")
                .should().dependOnClassesThat().resideInAPackage("smile..")
                .check(production);
    }

    @Test
    void theParsimoniousFamilyUsesOnlyTheCoresExportedApiAndSpi() {
        // Decision 17: gmm-parsimonious is the proof that a third party can write a full-matrix covariance model
        noClasses().that().resideInAPackage("dev.gmm.parsimonious..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.gmm.parsimonious..",
                        "dev.gmm.core", "dev.gmm.core.spi", "dev.gmm.core.linalg")
                .check(production);
    }

    @Test
    void theEmSpiDoesNotDependOnTheAppLevelSpis() {
        // dev.gmm.core.spi is what the EM loop calls and what a covariance-model plugin implements; the clusterer,
        // detector, metric, data set and experiment SPIs grow with the app and must not reach into it (issue 15)
        assertSpiPackagesAreNotEmpty();
        noClasses().that().resideInAPackage(EM_SPI)
                .should().dependOnClassesThat().resideInAPackage(APP_SPI)
                .check(production);
    }

    @Test
    void gmmCoresEmPathDoesNotUseTheAppLevelSpis() {
        // The engine, kernel, initializers, covariance providers and the model's API fit and score mixtures
        // without knowing that clusterers or experiments exist. Two kinds of class in gmm-core legitimately
        // touch the app-level SPIs, and only those are let through: the built-in providers of those SPIs
        // (the mixture as a Clusterer, the density detector), which sit on top of a fitted model, and the
        // registry Plugins, which lists every kind by design.
        assertSpiPackagesAreNotEmpty();
        noClasses().that().resideInAPackage("dev.gmm.core..")
                .and().resideOutsideOfPackage(APP_SPI)
                .and(not(PROVIDE_AN_APP_LEVEL_SPI))
                .and().doNotHaveFullyQualifiedName("dev.gmm.core.Plugins")
                .should().dependOnClassesThat().resideInAPackage(APP_SPI)
                .check(production);
    }

    private static final String EM_SPI = "dev.gmm.core.spi";
    private static final String APP_SPI = "dev.gmm.core.app.spi";

    private static final DescribedPredicate<JavaClass> PROVIDE_AN_APP_LEVEL_SPI = DescribedPredicate.describe(
            "provide an app-level SPI", c -> c.getAllRawInterfaces().stream().anyMatch(resideInAPackage(APP_SPI)));

    private static void assertSpiPackagesAreNotEmpty() {
        // a renamed package would leave the two rules above checking nothing
        assertThat(production.stream().filter(c -> c.getPackageName().equals(EM_SPI)).count())
                .as("classes in " + EM_SPI).isGreaterThanOrEqualTo(10);
        assertThat(production.stream().filter(c -> c.getPackageName().equals(APP_SPI)).count())
                .as("classes in " + APP_SPI).isGreaterThanOrEqualTo(10);
    }

    @Test
    void sparkStaysInGmmSpark() {
        // Spark (and its Scala) is provided by the cluster: a class-path dependency of gmm-spark alone, never
        // reachable from gmm-app's module path (DESIGN Decision 17)
        noClasses().that().resideOutsideOfPackage("dev.gmm.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(production);
    }

    @ParameterizedTest(name = "gmm-{0}")
    @ValueSource(strings = {"core", "metrics", "datasets", "baselines", "imaging", "audio", "parsimonious", "app",
            "bench", "spark"})
    void noModuleReachesIntoAnotherModulesInternals(String module) {
        internalsRule(module).check(production);
    }

    private static ArchRule internalsRule(String module) {
        return noClasses().that().resideOutsideOfPackage("dev.gmm." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("dev.gmm." + module + ".internal..")
                .allowEmptyShould(true);
    }

    @Test
    void theExamplePluginsUseOnlyExportedPackages() {
        // the examples stand for third-party plugins: what they need must be exported API or SPI
        long examples = production.stream().filter(c -> c.getPackageName().startsWith("dev.gmm.example")).count();
        assertThat(examples).as("classes imported from the example plugins").isGreaterThanOrEqualTo(3);
        noClasses().that().resideInAPackage("dev.gmm.example..")
                .should().dependOnClassesThat().resideInAPackage("dev.gmm..internal..")
                .check(production);
    }

    @Test
    void experimentsAreProvidersInInternalPackagesNotApi() {
        // An experiment is found by name through ServiceLoader; as an exported class it would be public API
        // forever (issue 15: gmm-imaging's four used to be). The examples stand for third parties and may
        // put theirs where they like.
        long experiments = production.stream().filter(c -> c.isAssignableTo(EXPERIMENT) && !c.isInterface()).count();
        assertThat(experiments).as("experiment classes imported").isGreaterThanOrEqualTo(14);
        classes().that().implement(EXPERIMENT).and().resideOutsideOfPackage("dev.gmm.example..")
                .should().resideInAPackage("dev.gmm..internal..")
                .check(production);
    }

    private static final String EXPERIMENT = "dev.gmm.core.app.spi.Experiment";

    @Test
    void modulesFormNoCycle() {
        slices().matching("dev.gmm.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void thePlantedViolationIsReported() {
        JavaClasses planted = new ClassFileImporter().importPackages("dev.gmm.architecture.planted");
        assertThat(planted.size()).isEqualTo(1);
        assertThatThrownBy(() -> internalsRule("core").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesIntoCoreInternals")
                .hasMessageContaining("dev.gmm.core.internal.kernel.ScalarKernel");
    }

    static String[] modules() {
        return MODULES.clone();
    }
}
