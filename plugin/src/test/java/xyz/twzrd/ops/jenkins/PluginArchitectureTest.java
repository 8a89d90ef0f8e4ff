package xyz.twzrd.ops.jenkins;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.JavaModifier;
import hudson.model.Action;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.POST;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Architecture rules a Jenkins maintainer asks for, checked on the compiled classes with ArchUnit (no Jenkins is
 * started). Runs only with -Pjenkins, like every test of this module.
 *
 * <ul>
 *   <li>core sees no Jenkins: no class of {@code xyz.twzrd.ops.core} depends on a Jenkins, Stapler or plugin type,
 *       so the runner and every core test work without Jenkins and nothing of Jenkins leaks into core's API;</li>
 *   <li>every web method is protected: each public {@code do*} method of the plugin (form validation, list fills,
 *       any action end point) accepts POST only ({@code @POST} or {@code @RequirePOST}), so a link or an image
 *       cannot trigger it (CSRF) and the crumb is checked;</li>
 *   <li>what Jenkins serialises holds no core type: build.xml (actions), program.dat (step executions and their
 *       settings), the remoting channel (callables, their requests and results) and step return values go through
 *       the JEP-200 class filter, which admits no class of a library bundled in the plugin, such as core.</li>
 * </ul>
 * Both rules fail when they match nothing (ArchUnit's default), so an import that found no classes cannot pass.
 */
class PluginArchitectureTest {
    private static final String CORE = "xyz.twzrd.ops.core";
    private static final String PLUGIN = "xyz.twzrd.ops.jenkins";

    /** core's classes, from the core jar on this module's class path. */
    private static JavaClasses core() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    /** The plugin's own classes (target/classes), without its tests. */
    private static JavaClasses plugin() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PLUGIN);
    }

    @Test
    void coreSeesNoJenkinsOrStaplerTypes() {
        ArchRule rule = noClasses().that().resideInAPackage(CORE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.jenkinsci..", "io.jenkins..", "org.jvnet.hudson..",
                        "org.kohsuke.stapler..", "net.sf.json..", "com.cloudbees..", "org.acegisecurity..",
                        "org.springframework.security..", PLUGIN + "..")
                .because("core is the plain jar the runner uses; the plugin adapts it to Jenkins, never the reverse");
        rule.check(core());
    }

    @Test
    void everyWebMethodOfThePluginAcceptsPostOnly() {
        ArchRule rule = methods().that().areDeclaredInClassesThat().resideInAPackage(PLUGIN + "..")
                .and().arePublic()
                .and().haveNameMatching("do[A-Z].*")
                .should().beAnnotatedWith(POST.class)
                .orShould().beAnnotatedWith(RequirePOST.class)
                .because("Stapler serves every public do* method as a URL; GET must not change or reveal anything"
                        + " (CSRF), and POST checks the crumb");
        rule.check(plugin());
    }

    @Test
    void whatJenkinsSerialisesHoldsNoCoreType() {
        DescribedPredicate<JavaClass> serialised = DescribedPredicate.describe("serialised by Jenkins",
                c -> c.isAssignableTo(java.io.Serializable.class) || c.isAssignableTo(Action.class));
        ArchRule rule = fields().that().areDeclaredInClassesThat(serialised)
                .and().areDeclaredInClassesThat().resideInAPackage(PLUGIN + "..")
                .and().areNotStatic()
                .and().doNotHaveModifier(JavaModifier.TRANSIENT)
                .should().notHaveRawType(DescribedPredicate.describe("a core type",
                        (JavaClass t) -> t.getPackageName().startsWith(CORE)))
                .because("the JEP-200 class filter refuses classes of libraries bundled in a plugin in build.xml,"
                        + " program.dat and on the remoting channel; keep core types transient or out");
        rule.check(plugin());
    }
}
